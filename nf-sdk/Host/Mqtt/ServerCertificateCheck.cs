using System.Collections.Generic;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// Trusts a broker certificate only when it chains to the configured CA (the machine's root store
    /// plays no part) and carries the expected name. SslStream builds the chain with
    /// <see cref="Policy"/> and checks the name (SAN, else CN); this class turns its verdict into a
    /// sentence for LastError.
    /// </summary>
    internal sealed class ServerCertificateCheck
    {
        private readonly string _serverName;

        public ServerCertificateCheck(X509Certificate2Collection trustedCas, string serverName)
        {
            _serverName = serverName;
            Policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                // Brokers' test and private CAs rarely publish revocation lists; trust is pinned to the CA instead.
                RevocationMode = X509RevocationMode.NoCheck,
            };
            Policy.CustomTrustStore.AddRange(trustedCas);
        }

        public X509ChainPolicy Policy { get; }

        /// <summary>Why the last certificate was refused; null when none was.</summary>
        public string Failure { get; private set; }

        public bool Validate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            var problems = new List<string>();
            if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                problems.Add("the server sent no certificate");
            }

            if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
            {
                problems.Add(DescribeChain(chain));
            }

            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                problems.Add("certificate name does not match '" + _serverName + "'");
            }

            Failure = string.Join("; ", problems);
            return false;
        }

        private static string DescribeChain(X509Chain chain)
        {
            var details = new List<string>();
            bool untrusted = chain == null;
            if (chain != null)
            {
                foreach (X509ChainStatus status in chain.ChainStatus)
                {
                    if ((status.Status & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain | X509ChainStatusFlags.NotSignatureValid)) != 0)
                    {
                        untrusted = true;
                    }

                    details.Add(status.Status + (string.IsNullOrWhiteSpace(status.StatusInformation) ? string.Empty : ": " + status.StatusInformation.Trim()));
                }
            }

            string detail = details.Count == 0 ? string.Empty : " (" + string.Join(", ", details) + ")";
            return untrusted
                ? "server certificate is not signed by the configured CA" + detail
                : "server certificate chain is not valid" + detail;
        }
    }
}
