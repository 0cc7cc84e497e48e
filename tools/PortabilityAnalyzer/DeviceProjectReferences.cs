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

        /// <summary>The .nfproj among the additional files, read; null when the project passes none (the rule is then off).</summary>
        public static DeviceProjectReferences Find(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
        {
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
                return new DeviceProjectReferences(Path.GetFileName(file.Path), assemblies);
            }
            return null;
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
