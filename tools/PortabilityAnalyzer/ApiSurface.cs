using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>
    /// The allow-list: the documentation-comment ids of every public member of the nanoFramework 1.x
    /// assemblies, read from nanoframework-api-surface.txt ('#' lines are comments).
    /// </summary>
    internal sealed class ApiSurface
    {
        // A solution build runs one compilation per project in the same compiler process; parsing the
        // ~7,500-line list once per distinct file content is enough. A handful of entries covers a
        // build server that sees a few versions of the file over its lifetime.
        private const int CacheCapacity = 4;
        private static readonly object CacheLock = new object();
        private static readonly LinkedList<KeyValuePair<string, ApiSurface>> Cache =
            new LinkedList<KeyValuePair<string, ApiSurface>>();

        private const string AssemblyHeading = "# assembly ";

        private readonly HashSet<string> _ids;

        // Id → the assembly (or assemblies, '|'-separated) whose heading lists it.
        private readonly Dictionary<string, string> _assemblies;

        private ApiSurface(HashSet<string> ids, Dictionary<string, string> assemblies)
        {
            _ids = ids;
            _assemblies = assemblies;
        }

        public int Count => _ids.Count;

        public bool Contains(string documentationId) =>
            documentationId != null && _ids.Contains(documentationId);

        /// <summary>The nanoFramework assemblies that declare the id, or null when it is not listed.</summary>
        public string[] AssembliesOf(string documentationId)
        {
            return documentationId != null && _assemblies.TryGetValue(documentationId, out string names) ? names.Split('|') : null;
        }

        /// <summary>Finds the list among the additional files; null when the project does not pass it.</summary>
        public static AdditionalText FindFile(ImmutableArray<AdditionalText> additionalFiles)
        {
            foreach (AdditionalText file in additionalFiles)
            {
                if (string.Equals(Path.GetFileName(file.Path), Rules.SurfaceFileName, StringComparison.OrdinalIgnoreCase))
                {
                    return file;
                }
            }
            return null;
        }

        /// <summary>Returns the parsed list for the file, from the cache when the same content was seen before.</summary>
        public static ApiSurface Load(AdditionalText file, CancellationToken cancellationToken)
        {
            SourceText text = file.GetText(cancellationToken);
            if (text == null)
            {
                return null;
            }

            string key = CacheKey(file.Path, text);
            lock (CacheLock)
            {
                for (LinkedListNode<KeyValuePair<string, ApiSurface>> node = Cache.First; node != null; node = node.Next)
                {
                    if (node.Value.Key == key)
                    {
                        return node.Value.Value;
                    }
                }
            }

            ApiSurface surface = Parse(text);
            lock (CacheLock)
            {
                Cache.AddFirst(new KeyValuePair<string, ApiSurface>(key, surface));
                while (Cache.Count > CacheCapacity)
                {
                    Cache.RemoveLast();
                }
            }
            return surface;
        }

        /// <summary>Parses list text; exposed for tests that feed a hand-written list.</summary>
        public static ApiSurface Parse(SourceText text)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var assemblies = new Dictionary<string, string>(StringComparer.Ordinal);
            string assembly = null;
            foreach (TextLine line in text.Lines)
            {
                string entry = line.ToString().Trim();
                if (entry.StartsWith(AssemblyHeading, StringComparison.Ordinal))
                {
                    // "# assembly nanoFramework.System.Collections 1.5.75.0": the name is the first word.
                    string rest = entry.Substring(AssemblyHeading.Length);
                    int space = rest.IndexOf(' ');
                    assembly = space < 0 ? rest : rest.Substring(0, space);
                }
                else if (entry.Length > 0 && entry[0] != '#')
                {
                    ids.Add(entry);
                    if (assembly != null)
                    {
                        assemblies[entry] = assemblies.TryGetValue(entry, out string known) && known != assembly
                            ? known + "|" + assembly
                            : assembly;
                    }
                }
            }
            return new ApiSurface(ids, assemblies);
        }

        // Path and length alone would miss an edit that keeps the size; hashing the text is still far
        // cheaper than building the set again.
        private static string CacheKey(string path, SourceText text)
        {
            ImmutableArray<byte> checksum = text.GetChecksum();
            string hash = checksum.IsDefaultOrEmpty ? string.Empty : BitConverter.ToString(checksum.ToArray());
            return path + "|" + text.Length + "|" + hash;
        }
    }
}
