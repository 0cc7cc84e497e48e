using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IotDevice.DeviceRunner
{
    /// <summary>What a .nfproj says: its assembly name, sources, nanoFramework references and project references.</summary>
    internal sealed class DeviceProject
    {
        public string Path { get; private init; }
        public string Name { get; private init; }
        public string AssemblyName { get; private init; }
        public bool IsTest { get; private init; }
        public bool IsApp { get; private init; }
        public IReadOnlyList<string> Sources { get; private init; }
        public IReadOnlyList<string> References { get; private init; }
        public IReadOnlyList<string> ProjectReferences { get; private init; }

        public static DeviceProject Load(string path)
        {
            path = System.IO.Path.GetFullPath(path);
            XDocument document = XDocument.Load(path);
            string folder = System.IO.Path.GetDirectoryName(path);
            IEnumerable<XElement> Items(string type) => document.Descendants().Where(e => e.Name.LocalName == type);
            string Full(XElement item) => System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, ((string)item.Attribute("Include")).Replace('\\', '/')));
            string Property(string name) => document.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            return new DeviceProject
            {
                Path = path,
                Name = System.IO.Path.GetFileNameWithoutExtension(path),
                AssemblyName = Property("AssemblyName"),
                IsApp = string.Equals(Property("OutputType"), "Exe", StringComparison.OrdinalIgnoreCase),
                IsTest = string.Equals(Property("IsTestProject"), "true", StringComparison.OrdinalIgnoreCase),
                Sources = Items("Compile").Select(Full).ToList(),
                // <Reference Include="mscorlib, Version=…"> → mscorlib
                References = Items("Reference").Select(r => Regex.Match((string)r.Attribute("Include"), "^[^,]+").Value.Trim()).ToList(),
                ProjectReferences = Items("ProjectReference").Select(Full).ToList(),
            };
        }
    }
}
