using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>
    /// The assemblies the project's device twin (.nfproj, passed as an additional file) references. A
    /// member can exist on nanoFramework and still fail the device build when it lives in an assembly the
    /// .nfproj does not reference (Hashtable is in nanoFramework.System.Collections, not mscorlib).
    /// </summary>
    internal sealed class DeviceProjectReferences
    {
        // <Reference Include="mscorlib, Version=…"> or <Reference Include="System.Net">: the name before any comma.
        private static readonly Regex ReferencePattern = new Regex("<Reference\\s+Include=\"([^\",]+)", RegexOptions.CultureInvariant);

        private readonly HashSet<string> _assemblies;

        private DeviceProjectReferences(string projectName, HashSet<string> assemblies)
        {
            ProjectName = projectName;
            _assemblies = assemblies;
        }

        public string ProjectName { get; }

        /// <summary>
        /// The .nfproj files among the additional files, read; null when the project passes none (the rule is
        /// then off). When several device projects compile the same sources (the unit tests, one test assembly
        /// per area), a member must come from an assembly every one of them references.
        /// </summary>
        public static DeviceProjectReferences Find(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
        {
            HashSet<string> common = null;
            var names = new List<string>();
            foreach (AdditionalText file in additionalFiles)
            {
                if (!file.Path.EndsWith(".nfproj", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                SourceText text = file.GetText(cancellationToken);
                if (text == null)
                {
                    return null;
                }
                var assemblies = new HashSet<string>(StringComparer.Ordinal);
                foreach (Match match in ReferencePattern.Matches(text.ToString()))
                {
                    assemblies.Add(match.Groups[1].Value.Trim());
                }
                if (common == null)
                {
                    common = assemblies;
                }
                else
                {
                    common.IntersectWith(assemblies);
                }
                names.Add(Path.GetFileName(file.Path));
            }
            if (common == null)
            {
                return null;
            }
            names.Sort(StringComparer.Ordinal);
            return new DeviceProjectReferences(names.Count == 1 ? names[0] : "every one of " + string.Join(", ", names), common);
        }

        /// <summary>True when the project references one of <paramref name="assemblies"/>.</summary>
        public bool ReferencesAny(string[] assemblies)
        {
            foreach (string assembly in assemblies)
            {
                if (_assemblies.Contains(assembly))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
