using IotDevice.Transport;
using IotDevice.Ota;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Ota
{
    [TestClass]
    public class UrlTextTests
    {
        [TestMethod]
        public void Redirects_resolve_against_the_current_url()
        {
            string from = "https://cdn.example:8443/ota/v2/app.bin?sig=abc";
            Assert.AreEqual("http://other.example/x.bin", UrlText.Resolve(from, "http://other.example/x.bin"));
            Assert.AreEqual("https://cdn.example:8443/mirror/app.bin", UrlText.Resolve(from, "/mirror/app.bin"));
            Assert.AreEqual("https://cdn.example:8443/ota/v2/app-2.bin?t=1", UrlText.Resolve(from, "app-2.bin?t=1"));
            Assert.AreEqual("https://edge.example/app.bin", UrlText.Resolve(from, "//edge.example/app.bin"));
            Assert.AreEqual("http://h.example/root.bin", UrlText.Resolve("http://h.example", "root.bin"));
            Assert.IsNull(UrlText.Resolve(from, null));
            Assert.IsNull(UrlText.Resolve(from, "  "));
        }

        [TestMethod]
        public void Only_http_and_https_urls_are_downloadable()
        {
            Assert.IsTrue(UrlText.IsHttp("http://a/b"));
            Assert.IsTrue(UrlText.IsHttp("HTTPS://a/b"));
            Assert.IsFalse(UrlText.IsHttp("ftp://a/b"));
            Assert.IsFalse(UrlText.IsHttp("/relative"));
            Assert.IsFalse(UrlText.IsHttp(null));
        }

        [TestMethod]
        public void Urls_in_logs_lose_query_fragment_and_user_info()
        {
            Assert.AreEqual("https://iotx-ota.example/fw.bin", UrlText.ForLog("https://iotx-ota.example/fw.bin?Expires=1&Signature=secret#x"));
            Assert.AreEqual("http://host.example/p", UrlText.ForLog("http://user:pass@host.example/p"));
            Assert.AreEqual("http://host.example", UrlText.ForLog("http://host.example?token=1"));
        }
    }
}
