#pragma warning disable NF1015 // URL syntax is ASCII (/, ?, #, @, the scheme); other characters are copied, never interpreted

namespace IotDevice.Transport
{
    /// <summary>
    /// The little URL handling the engine needs, on plain strings (System.Uri is not in the device's
    /// core assemblies): following a relative redirect, and a form safe for logs — download URLs carry
    /// signatures and expiry in the query (Alibaba OSS), which must not reach a log line.
    /// </summary>
    public static class UrlText
    {
        /// <summary>Whether <paramref name="url"/> starts with http:// or https:// (any case).</summary>
        public static bool IsHttp(string url)
        {
            return url != null && (StartsWithIgnoreCase(url, "http://") || StartsWithIgnoreCase(url, "https://"));
        }

        /// <summary>
        /// The absolute URL a Location header points to, seen from <paramref name="baseUrl"/>: absolute
        /// URLs as they are, "//host/…" with the base's scheme, "/path" on the base's origin, anything
        /// else beside the base's last path segment. Null when there is nothing to follow.
        /// </summary>
        public static string Resolve(string baseUrl, string location)
        {
            if (location == null)
            {
                return null;
            }

            location = location.Trim();
            if (location.Length == 0)
            {
                return null;
            }

            if (IsHttp(location) || baseUrl == null)
            {
                return location;
            }

            int schemeEnd = baseUrl.IndexOf("://");
            if (schemeEnd < 0)
            {
                return location;
            }

            if (StartsWithIgnoreCase(location, "//"))
            {
                return baseUrl.Substring(0, schemeEnd + 1) + location;
            }

            int pathStart = baseUrl.IndexOf('/', schemeEnd + 3);
            string origin = pathStart < 0 ? baseUrl : baseUrl.Substring(0, pathStart);
            if (location[0] == '/')
            {
                return origin + location;
            }

            string path = pathStart < 0 ? "/" : baseUrl.Substring(pathStart, PathEnd(baseUrl, pathStart) - pathStart);
            return origin + path.Substring(0, path.LastIndexOf('/') + 1) + location;
        }

        /// <summary>Scheme, host and path only: no query, fragment or user info, so no secret reaches a log.</summary>
        public static string ForLog(string url)
        {
            if (url == null)
            {
                return "(none)";
            }

            int schemeEnd = url.IndexOf("://");
            int authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
            string cut = url.Substring(0, PathEnd(url, authorityStart));
            int pathStart = cut.IndexOf('/', authorityStart);
            int authorityEnd = pathStart < 0 ? cut.Length : pathStart;
            int at = -1;
            for (int i = authorityStart; i < authorityEnd; i++)
            {
                if (cut[i] == '@')
                {
                    at = i;
                }
            }

            if (at >= 0)
            {
                cut = cut.Substring(0, authorityStart) + cut.Substring(at + 1);
            }

            return cut;
        }

        private static int PathEnd(string url, int from)
        {
            for (int i = from; i < url.Length; i++)
            {
                if (url[i] == '?' || url[i] == '#')
                {
                    return i;
                }
            }

            return url.Length;
        }

        private static char Lower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }

        /// <summary><paramref name="prefix"/> must be lower case.</summary>
        private static bool StartsWithIgnoreCase(string text, string prefix)
        {
            if (text.Length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (Lower(text[i]) != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
