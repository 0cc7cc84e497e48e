using IotDevice.BrokerHarness;
using System.Collections.Generic;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests
{
    /// <summary>User name and password against a mosquitto that refuses anonymous clients.</summary>
    [TestClass]
    public class CredentialTests
    {
        private const string User = "device-7";
        private const string Password = "Corr3ct-H0rse";
        private const string WrongPassword = "s3cret-Wrong-Pa55";

        private static MosquittoBroker _broker;

        [ClassInitialize]
        public static void StartBroker(TestContext context)
        {
            _broker = MosquittoBroker.Start(new MosquittoSettings { Users = new Dictionary<string, string> { { User, Password } } });
        }

        [ClassCleanup]
        public static void StopBroker()
        {
            _broker?.Dispose();
        }

        [TestMethod]
        public void The_right_credentials_are_accepted()
        {
            using (var device = new HostMqttTransport())
            {
                TestClients.ConnectOrFail(device, Credentials(User, Password));
            }
        }

        [TestMethod]
        public void A_wrong_password_is_refused_and_never_appears_in_last_error()
        {
            using (var device = new HostMqttTransport())
            {
                MqttConnectResult result = device.Connect(Credentials(User, WrongPassword));

                Assert.IsTrue(result == MqttConnectResult.BadUsernameOrPassword || result == MqttConnectResult.NotAuthorized, "result " + result);
                Assert.IsFalse(device.IsConnected);
                Assert.IsNotNull(device.LastError);
                StringAssert.Contains(device.LastError, "refused");
                Assert.IsFalse(device.LastError.Contains(WrongPassword), device.LastError);
                Assert.IsFalse(device.LastError.Contains(Password), device.LastError);

                // The same instance connects once the credentials are right.
                TestClients.ConnectOrFail(device, Credentials(User, Password));
            }
        }

        [TestMethod]
        public void An_anonymous_client_is_refused()
        {
            using (var device = new HostMqttTransport())
            {
                MqttConnectResult result = device.Connect(TestClients.Options(_broker));
                Assert.IsTrue(result == MqttConnectResult.BadUsernameOrPassword || result == MqttConnectResult.NotAuthorized, "result " + result);
            }
        }

        private static MqttConnectOptions Credentials(string user, string password)
        {
            MqttConnectOptions options = TestClients.Options(_broker);
            options.Username = user;
            options.Password = password;
            return options;
        }
    }
}
