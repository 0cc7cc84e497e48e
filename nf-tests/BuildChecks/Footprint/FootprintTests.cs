using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.BuildChecks.Footprint
{
    /// <summary>
    /// The footprint gate: every device assembly that can be compiled here (SDK libraries and test
    /// projects alike) stays under 48 KB of estimated .pe string table. The table is written to
    /// artifacts/footprint.md, which the test script prints after the run.
    /// </summary>
    [TestClass]
    public class FootprintTests
    {
        [TestMethod]
        public void Every_device_assembly_stays_under_the_string_table_gate()
        {
            var compiler = new DeviceAssemblyCompiler();
            var table = new StringBuilder();
            table.AppendLine("| device project | est. .pe strings | names | literals (UTF-16) | IL bytes | types | methods | fields |");
            table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            var over = new List<string>();
            var deviceOnly = new List<string>();
            foreach (string project in RepositoryLayout.NfProjects())
            {
                string reason = DeviceAssemblyCompiler.DeviceOnlyReason(project);
                if (reason != null)
                {
                    deviceOnly.Add($"{project} ({reason})");
                    continue;
                }
                AssemblyFootprint f = AssemblyFootprint.Read(compiler.Compile(project));
                table.AppendLine($"| {project} | {Kb(f.StringTable)} | {Kb(f.Names)} | {Kb(f.Literals)} | {f.IlBytes:N0} | {f.Types} | {f.Methods} | {f.Fields} |");
                if (f.StringTable > AssemblyFootprint.StringTableGate)
                {
                    over.Add($"{project} ({Kb(f.StringTable)})");
                }
            }
            table.AppendLine();
            table.AppendLine($"Gate: {Kb(AssemblyFootprint.StringTableGate)} of estimated string table (#Strings + #US/2) per assembly; the .pe limit is {Kb(AssemblyFootprint.StringTableLimit)}.");
            table.AppendLine("Not compiled here: " + string.Join("; ", deviceOnly) + ".");

            string report = RepositoryLayout.PathOf("artifacts/footprint.md");
            Directory.CreateDirectory(Path.GetDirectoryName(report));
            File.WriteAllText(report, table.ToString());

            Assert.IsTrue(RepositoryLayout.NfProjects().Count(p => DeviceAssemblyCompiler.DeviceOnlyReason(p) == null) >= 3,
                "the gate must see the SDK core, the boards and the test projects");
            Assert.AreEqual(0, over.Count,
                "over the string-table gate (split the assembly, shorten names or move literals out): " + string.Join(", ", over) + Environment.NewLine + table);
        }

        private static string Kb(int bytes) => (bytes / 1024.0).ToString("0.0") + " KB";
    }
}
