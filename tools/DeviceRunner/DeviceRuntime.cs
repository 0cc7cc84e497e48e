using System;
using System.IO;

namespace IotDevice.DeviceRunner
{
    /// <summary>Where the nanoFramework runtime and tools are, from the four environment variables.</summary>
    internal sealed class DeviceRuntime
    {
        public string NanoClr { get; private init; }
        public string MetadataProcessor { get; private init; }
        public string References { get; private init; }
        public string PeFiles { get; private init; }

        /// <summary>The runtime, or null after saying on stderr what is missing.</summary>
        public static DeviceRuntime Find()
        {
            string nanoClr = Environment.GetEnvironmentVariable("NANOCLR");
            string mdp = Environment.GetEnvironmentVariable("NF_MDP");
            string refs = Environment.GetEnvironmentVariable("NF_REFS");
            string pe = Environment.GetEnvironmentVariable("NF_PE");
            bool ok = Check("NANOCLR", nanoClr, File.Exists, "the nanoCLR executable that takes .pe files as arguments")
                & Check("NF_MDP", mdp, File.Exists, "nanoFramework's MetadataProcessor (a command that turns a .dll into a .pe)")
                & Check("NF_REFS", refs, Directory.Exists, "a folder of the nanoFramework reference assemblies (mscorlib.dll, nanoFramework.TestFramework.dll, …)")
                & Check("NF_PE", pe, Directory.Exists, "a folder of their .pe files, the unit-test launcher's among them");
            if (!ok)
            {
                Console.Error.WriteLine("No nanoCLR here, so nothing ran on the device runtime. README.md, \"Testing on the device runtime\", says what to build.");
                return null;
            }
            return new DeviceRuntime { NanoClr = nanoClr, MetadataProcessor = mdp, References = refs, PeFiles = pe };
        }

        private static bool Check(string name, string value, Func<string, bool> exists, string what)
        {
            if (string.IsNullOrEmpty(value))
            {
                Console.Error.WriteLine($"{name} is not set: it names {what}.");
                return false;
            }
            if (!exists(value))
            {
                Console.Error.WriteLine($"{name}={value} does not exist: it names {what}.");
                return false;
            }
            return true;
        }

        /// <summary>The reference assembly for a name the .nfproj references (libraries are .dll, the launcher .exe).</summary>
        public string ReferencePath(string assembly) =>
            FindReference(assembly) ?? throw new FileNotFoundException($"{assembly} is referenced by a device project but is not in NF_REFS ({References})");

        /// <summary>Whether NF_REFS holds the reference assembly for <paramref name="assembly"/>.</summary>
        public bool HasReference(string assembly) => FindReference(assembly) != null;

        private string FindReference(string assembly)
        {
            foreach (string extension in new[] { ".dll", ".exe" })
            {
                string path = Path.Combine(References, assembly + extension);
                if (File.Exists(path))
                {
                    return path;
                }
            }
            return null;
        }

        public string PePath(string assembly)
        {
            string path = Path.Combine(PeFiles, assembly + ".pe");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{assembly}.pe is not in NF_PE ({PeFiles})");
            }
            return path;
        }
    }
}
