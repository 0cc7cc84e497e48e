using IotDevice.Transport;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Transport
{
    [TestClass]
    public class ConnectAttemptTests
    {
        private const int ClientWaitMs = 30000;

        private static ConnectAttempt Start(bool tls)
        {
            MqttConnectOptions options = new MqttConnectOptions();
            options.Host = "broker.example";
            options.Port = tls ? 8883 : 1883;
            options.UseTls = tls;
            options.ClientId = "device";
            options.Username = "user";
            options.Password = "s3cret-password";
            options.ConnectTimeoutMs = 10000;
            return new ConnectAttempt(options, 1000);
        }

        [TestMethod]
        public void Connack_codes_become_results_and_a_refusal_says_so()
        {
            Assert.AreEqual((int)MqttConnectResult.Accepted, (int)Start(false).Answered(0));
            ConnectAttempt attempt = Start(false);
            Assert.AreEqual((int)MqttConnectResult.BadUsernameOrPassword, (int)attempt.Answered(4));
            Assert.Contains("refused the connection (CONNACK 4)", attempt.Error);
            Assert.AreEqual((int)MqttConnectResult.NotAuthorized, (int)ConnectAttempt.FromConnackCode(5));
            Assert.AreEqual((int)MqttConnectResult.ProtocolError, (int)ConnectAttempt.FromConnackCode(0x87));
            Assert.AreEqual((int)MqttConnectResult.ProtocolError, (int)ConnectAttempt.FromConnackCode(-1));
        }

        [TestMethod]
        public void A_broker_that_hangs_up_before_connack_is_not_a_timeout()
        {
            ConnectAttempt attempt = Start(false);
            Assert.AreEqual((int)MqttConnectResult.NetworkError, (int)attempt.NoConnack(false, false, "", 1500, ClientWaitMs));
            Assert.Contains("closed the connection without answering CONNECT", attempt.Error);
        }

        [TestMethod]
        public void The_clients_own_connack_wait_is_a_timeout()
        {
            ConnectAttempt attempt = Start(false);
            Assert.AreEqual((int)MqttConnectResult.Timeout, (int)attempt.NoConnack(false, false, "", 1000 + ClientWaitMs, ClientWaitMs));
            Assert.Contains("within the client's fixed 30000 ms wait", attempt.Error);
        }

        [TestMethod]
        public void A_failed_send_or_receive_is_a_network_error_and_garbage_a_protocol_error()
        {
            ConnectAttempt attempt = Start(false);
            Assert.AreEqual((int)MqttConnectResult.NetworkError, (int)attempt.NoConnack(true, false, "SocketException", 1200, ClientWaitMs));
            Assert.Contains("while sending CONNECT or waiting for CONNACK: SocketException", attempt.Error);
            attempt = Start(false);
            Assert.AreEqual((int)MqttConnectResult.ProtocolError, (int)attempt.NoConnack(true, true, "MqttClientException", 1200, ClientWaitMs));
            Assert.Contains("not a CONNACK", attempt.Error);
        }

        [TestMethod]
        public void Tcp_failures_are_network_errors_even_over_tls()
        {
            ConnectAttempt attempt = Start(true);
            Assert.AreEqual((int)MqttConnectResult.NetworkError, (int)attempt.ChannelFailed(10061, "refused"));
            Assert.Contains("TCP connection to broker.example:8883 failed: refused", attempt.Error);
            attempt = Start(true);
            Assert.AreEqual((int)MqttConnectResult.NetworkError, (int)attempt.ChannelFailed(10065, ""));
            Assert.Contains("host unreachable (socket error 10065)", attempt.Error);
        }

        [TestMethod]
        public void Other_channel_failures_are_tls_errors_only_over_tls()
        {
            ConnectAttempt attempt = Start(true);
            Assert.AreEqual((int)MqttConnectResult.TlsError, (int)attempt.ChannelFailed(-1, "handshake"));
            Assert.Contains("TLS handshake with broker.example:8883 failed", attempt.Error);
            attempt = Start(false);
            Assert.AreEqual((int)MqttConnectResult.NetworkError, (int)attempt.ChannelFailed(0, "IOException"));
        }

        [TestMethod]
        public void After_the_deadline_every_failure_is_the_timeout()
        {
            ConnectAttempt attempt = Start(true);
            Assert.IsTrue(attempt.DeadlinePassed());
            Assert.AreEqual((int)MqttConnectResult.Timeout, (int)attempt.ChannelFailed(10054, "reset"));
            Assert.Contains("within the 10000 ms connect timeout", attempt.Error);
            attempt = Start(false);
            Assert.IsTrue(attempt.DeadlinePassed());
            Assert.AreEqual((int)MqttConnectResult.Timeout, (int)attempt.NoConnack(true, false, "SocketException", 11000, ClientWaitMs));
            Assert.Contains("no CONNACK", attempt.Error);
        }

        [TestMethod]
        public void A_connack_that_beats_the_deadline_stands_and_one_that_loses_does_not()
        {
            ConnectAttempt attempt = Start(false);
            Assert.IsTrue(attempt.End());
            Assert.IsFalse(attempt.DeadlinePassed(), "a deadline after the end changes nothing");
            Assert.IsFalse(attempt.IsPastDeadline);

            attempt = Start(false);
            Assert.IsTrue(attempt.DeadlinePassed());
            Assert.IsFalse(attempt.End());
            Assert.AreEqual((int)MqttConnectResult.Timeout, (int)attempt.AnsweredTooLate());
        }

        [TestMethod]
        public void Setup_certificate_and_client_refusals_are_named_and_never_show_the_password()
        {
            ConnectAttempt attempt = Start(true);
            Assert.AreEqual((int)MqttConnectResult.InvalidOptions, (int)attempt.BadCertificate("ArgumentException"));
            Assert.Contains("CA certificate", attempt.Error);
            attempt = Start(false);
            Assert.AreEqual((int)MqttConnectResult.NetworkError, (int)attempt.SetupFailed("No address found for the remote host name"));
            Assert.Contains("cannot resolve or reach broker.example", attempt.Error);
            attempt = Start(false);
            Assert.AreEqual((int)MqttConnectResult.InvalidOptions, (int)attempt.ClientRefused("M2Mqtt error 1"));
            Assert.IsTrue(attempt.Error.IndexOf("s3cret") < 0);
            attempt = Start(false);
            Assert.AreEqual((int)MqttConnectResult.NetworkError, (int)attempt.Unexpected("OutOfMemoryException"));
            Assert.Contains("OutOfMemoryException", attempt.Error);
        }
    }
}
