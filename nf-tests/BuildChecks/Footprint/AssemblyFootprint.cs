using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace IotDevice.BuildChecks.Footprint
{
    /// <summary>
    /// What one compiled assembly will cost as a nanoFramework .pe, read from its metadata. The .pe keeps
    /// every name and string literal in one string table addressed by 16-bit offsets, so past 64 KB
    /// MetadataProcessor refuses the assembly; the table is close to the UTF-8 #Strings heap plus half
    /// the UTF-16 #US heap (literals shrink to UTF-8, mostly ASCII).
    /// </summary>
    internal sealed class AssemblyFootprint
    {
        public const int StringTableLimit = 64 * 1024;

        /// <summary>The gate: a margin under the hard limit, so growth is noticed before a deploy fails.</summary>
        public const int StringTableGate = 48 * 1024;

        public int Names { get; private set; }
        public int Literals { get; private set; }
        public int StringTable => Names + Literals / 2;
        public int IlBytes { get; private set; }
        public int Types { get; private set; }
        public int Methods { get; private set; }
        public int Fields { get; private set; }

        public static AssemblyFootprint Read(byte[] image)
        {
            using var pe = new PEReader(new MemoryStream(image));
            MetadataReader metadata = pe.GetMetadataReader();
            var footprint = new AssemblyFootprint
            {
                Names = metadata.GetHeapSize(HeapIndex.String),
                Literals = metadata.GetHeapSize(HeapIndex.UserString),
                Types = metadata.TypeDefinitions.Count - 1, // less the <Module> type
                Methods = metadata.MethodDefinitions.Count,
                Fields = metadata.FieldDefinitions.Count,
            };
            foreach (MethodDefinitionHandle handle in metadata.MethodDefinitions)
            {
                int rva = metadata.GetMethodDefinition(handle).RelativeVirtualAddress;
                if (rva != 0)
                {
                    footprint.IlBytes += pe.GetMethodBody(rva).Size;
                }
            }
            return footprint;
        }
    }
}
