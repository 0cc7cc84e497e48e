using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IotDevice.Platforms.Endpoint
{
    /// <summary>
    /// The TLS identity of the local platform: a certificate the user gives (PEM pair or PKCS#12), or a
    /// CA and a server certificate made here and kept in a folder, so a board given the CA once keeps
    /// trusting the simulator across runs. A kept server certificate is made again (by the same CA) when
    /// it no longer names every host the devices use, or is about to expire. RSA 2048, which every
    /// embedded TLS stack speaks.
    /// </summary>
    public static class ServerCertificates
    {
        public const string CaFile = "ca.pem";
        private const string CaKeyFile = "ca-key.pem";
        private const string ServerFile = "server.pem";
        private const string ServerKeyFile = "server-key.pem";

        /// <summary>A given certificate: PEM with its key file, or a PKCS#12 file (no password) when <paramref name="keyPath"/> is null.</summary>
        public static X509Certificate2 Load(string certificatePath, string keyPath)
        {
            X509Certificate2 loaded = keyPath == null
                ? X509CertificateLoader.LoadPkcs12FromFile(certificatePath, null)
                : X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            if (!loaded.HasPrivateKey)
            {
                throw new CryptographicException("the certificate has no private key");
            }
            return Usable(loaded);
        }

        /// <summary>
        /// The kept server certificate in <paramref name="folder"/> for <paramref name="names"/> (host names
        /// and IP addresses), made (with its CA) when missing; <paramref name="caPath"/> is the CA devices trust.
        /// </summary>
        public static X509Certificate2 Ensure(string folder, IEnumerable<string> names, out string caPath)
        {
            Directory.CreateDirectory(folder);
            caPath = Path.Combine(folder, CaFile);
            string caKeyPath = Path.Combine(folder, CaKeyFile);
            string serverPath = Path.Combine(folder, ServerFile);
            string serverKeyPath = Path.Combine(folder, ServerKeyFile);
            string[] wanted = names.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (File.Exists(serverPath) && File.Exists(serverKeyPath) && File.Exists(caPath))
            {
                X509Certificate2 kept = X509Certificate2.CreateFromPemFile(serverPath, serverKeyPath);
                if (kept.NotAfter > DateTime.Now.AddDays(7) && Names(kept).IsSupersetOf(wanted))
                {
                    return Usable(kept);
                }
            }
            using X509Certificate2 ca = File.Exists(caPath) && File.Exists(caKeyPath)
                ? X509Certificate2.CreateFromPemFile(caPath, caKeyPath)
                : NewCa(caPath, caKeyPath);
            using RSA key = RSA.Create(2048);
            var request = new CertificateRequest("CN=IotDevice local platform", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            var alternative = new SubjectAlternativeNameBuilder();
            foreach (string name in wanted)
            {
                if (IPAddress.TryParse(name, out IPAddress address))
                {
                    alternative.AddIpAddress(address);
                }
                else
                {
                    alternative.AddDnsName(name);
                }
            }
            request.CertificateExtensions.Add(alternative.Build());
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
            byte[] serial = new byte[12];
            RandomNumberGenerator.Fill(serial);
            serial[0] &= 0x7F;
            DateTimeOffset notAfter = new DateTimeOffset(ca.NotAfter).AddDays(-1);
            using X509Certificate2 issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), Min(notAfter, DateTimeOffset.UtcNow.AddYears(1)), serial);
            File.WriteAllText(serverPath, issued.ExportCertificatePem());
            WritePrivate(serverKeyPath, key.ExportPkcs8PrivateKeyPem());
            return Usable(issued.CopyWithPrivateKey(key));
        }

        private static X509Certificate2 NewCa(string caPath, string caKeyPath)
        {
            using RSA key = RSA.Create(2048);
            var request = new CertificateRequest("CN=IotDevice local platform CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            X509Certificate2 ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
            File.WriteAllText(caPath, ca.ExportCertificatePem());
            WritePrivate(caKeyPath, key.ExportPkcs8PrivateKeyPem());
            return ca;
        }

        private static HashSet<string> Names(X509Certificate2 certificate)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (X509Extension extension in certificate.Extensions)
            {
                if (extension is X509SubjectAlternativeNameExtension alternative)
                {
                    names.UnionWith(alternative.EnumerateDnsNames());
                    names.UnionWith(alternative.EnumerateIPAddresses().Select(a => a.ToString()));
                }
            }
            return names;
        }

        // A certificate whose key TLS can use on every platform: a PKCS#12 round trip gives it a persisted key.
        private static X509Certificate2 Usable(X509Certificate2 certificate)
        {
            using (certificate)
            {
                return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
            }
        }

        private static void WritePrivate(string path, string pem)
        {
            File.WriteAllText(path, pem);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    }
}
