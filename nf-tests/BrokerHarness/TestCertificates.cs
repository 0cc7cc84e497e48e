using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IotDevice.BrokerHarness
{
    /// <summary>
    /// A throw-away PKI made with .NET APIs at test time: a CA, a server certificate for
    /// localhost / 127.0.0.1 signed by it, and an unrelated second CA that signs nothing. ECDSA P-256
    /// keeps generation fast. Shared by the whole run through <see cref="Shared"/>.
    /// </summary>
    public sealed class TestCertificates
    {
        private static readonly Lazy<TestCertificates> SharedInstance = new Lazy<TestCertificates>(Create);

        private TestCertificates()
        {
        }

        public static TestCertificates Shared
        {
            get { return SharedInstance.Value; }
        }

        /// <summary>PEM of the CA that signed the server certificate.</summary>
        public string CaPem { get; private set; }

        /// <summary>PEM of a CA that has nothing to do with the server.</summary>
        public string OtherCaPem { get; private set; }

        public string ServerCertificatePem { get; private set; }

        /// <summary>The server's private key as unencrypted PKCS#8 PEM, as mosquitto's keyfile wants.</summary>
        public string ServerKeyPem { get; private set; }

        public static TestCertificates Create()
        {
            DateTimeOffset notBefore = DateTimeOffset.UtcNow.AddDays(-1);
            DateTimeOffset notAfter = DateTimeOffset.UtcNow.AddDays(30);

            using (ECDsa caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            using (ECDsa otherCaKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            using (ECDsa serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            using (X509Certificate2 ca = CreateCa("CN=IotDevice Test CA", caKey, notBefore, notAfter))
            using (X509Certificate2 otherCa = CreateCa("CN=IotDevice Unrelated CA", otherCaKey, notBefore, notAfter))
            {
                var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
                request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
                request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
                request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
                    new OidCollection { new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication") }, false));
                var names = new SubjectAlternativeNameBuilder();
                names.AddDnsName("localhost");
                names.AddIpAddress(IPAddress.Loopback);
                request.CertificateExtensions.Add(names.Build());
                request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
                request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));

                byte[] serial = new byte[12];
                RandomNumberGenerator.Fill(serial);
                serial[0] &= 0x7F;
                using (X509Certificate2 server = request.Create(ca, notBefore, notAfter.AddDays(-1), serial))
                {
                    return new TestCertificates
                    {
                        CaPem = ca.ExportCertificatePem(),
                        OtherCaPem = otherCa.ExportCertificatePem(),
                        ServerCertificatePem = server.ExportCertificatePem(),
                        ServerKeyPem = serverKey.ExportPkcs8PrivateKeyPem(),
                    };
                }
            }
        }

        private static X509Certificate2 CreateCa(string subject, ECDsa key, DateTimeOffset notBefore, DateTimeOffset notAfter)
        {
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            return request.CreateSelfSigned(notBefore, notAfter);
        }
    }
}
