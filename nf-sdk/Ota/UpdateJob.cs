using IotDevice.Transport;
using IotDevice.Client;
using IotDevice.Crypto;

namespace IotDevice.Ota
{
    /// <summary>One offer on its way through download (UpdateJob.Download.cs), verification, storage and apply.</summary>
    internal sealed partial class UpdateJob
    {
        private string _url;
        private bool _urlReplaced;

        public UpdateJob(UpdateOffer offer)
        {
            Offer = offer;
            Identity = IdentityOf(offer);
            Method = UpdateDigest.Resolve(offer.DigestMethod, offer.Digest);
            _url = offer.Url;
            Total = offer.Size > 0 ? offer.Size : 0;
        }

        public readonly UpdateOffer Offer;

        /// <summary>What makes two offers the same update (see <see cref="IdentityOf"/>).</summary>
        public readonly string Identity;

        /// <summary>The digest method actually checked (the offer's, or inferred from the digest's length).</summary>
        public readonly DigestMethod Method;

        /// <summary>Streaming hash of every byte stored so far; null when the offer has no digest.</summary>
        public IHashAlgorithm Hash;

        /// <summary>Bytes in the staging file, all of them hashed.</summary>
        public long Bytes;

        /// <summary>Expected size: the announced one, else the server's once known; 0 while unknown.</summary>
        public long Total;

        /// <summary>Highest Downloading percentage reported (reports never go backwards).</summary>
        public int ReportedPercent;

        /// <summary>Read back from the job record at start: the staging file may hold bytes to resume from.</summary>
        public bool Recovered;

        /// <summary>Recovered from an "applying" record: the app was given the verified file when the device restarted.</summary>
        public bool WasApplying;

        /// <summary>Where the next attempt downloads from. The platform may re-push the same offer with a fresh (re-signed) URL.</summary>
        public string Url
        {
            get
            {
                lock (this)
                {
                    return _url;
                }
            }
        }

        /// <summary>Adopts the URL of a re-pushed identical offer; true when it differs from the current one.</summary>
        public bool ReplaceUrl(string url)
        {
            lock (this)
            {
                if (url == null || url == _url)
                {
                    return false;
                }

                _url = url;
                _urlReplaced = true;
                return true;
            }
        }

        /// <summary>Whether the URL was replaced since the last call (a refused URL may be worth one more try).</summary>
        public bool TakeUrlReplaced()
        {
            lock (this)
            {
                bool replaced = _urlReplaced;
                _urlReplaced = false;
                return replaced;
            }
        }

        /// <summary>
        /// Two offers are the same update when kind, module, version, config id and digest agree. The URL
        /// counts only when there is neither digest nor version: platforms re-sign URLs on every push.
        /// </summary>
        public static string IdentityOf(UpdateOffer offer)
        {
            string digest = offer.Digest == null ? string.Empty : offer.Digest.Trim().ToLower();
            string version = offer.Version == null ? string.Empty : offer.Version;
            // A null string concatenates as an empty one.
            string identity = ((int)offer.Kind).ToString() + "|" + offer.Module + "|" + version + "|" + offer.ConfigId + "|" + digest;
            if (digest.Length == 0 && version.Length == 0)
            {
                identity = identity + "|" + UrlText.ForLog(offer.Url);
            }

            return identity;
        }

        /// <summary>A short description for logs and details: kind, version, module; never the URL's query.</summary>
        public string Describe()
        {
            string kind = Offer.Kind == UpdateKind.Config ? "config" : "firmware";
            string text = kind + " " + (Offer.Version != null ? Offer.Version : Offer.ConfigId);
            if (Offer.Module != null)
            {
                text = text + " (" + Offer.Module + ")";
            }

            return text;
        }
    }
}
