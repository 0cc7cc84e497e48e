using System;
using IotDevice.Dialects.EztCloud;
using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    /// <summary>Custom data streams carry any bytes, both ways, untouched.</summary>
    [TestClass]
    public class EztCloudDataStreamTests
    {
        [TestMethod]
        public void Arbitrary_bytes_come_in_unchanged()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                byte[] received = null;
                string stream = null;
                device.Dialect.OnDataSet("modbus", (id, payload) => { stream = id; received = payload; });
                // NUL, 0xFF, an invalid UTF-8 pair and a lone continuation byte.
                byte[] sent = new byte[] { 0x00, 0x01, 0xFF, 0xC3, 0x28, 0x80, 0x7B, 0x00 };
                device.Transport.Deliver("data_set/" + EztDevice.Username + "/modbus", sent);
                Assert.AreEqual("modbus", stream);
                CollectionAssert.AreEqual(new byte[] { 0x00, 0x01, 0xFF, 0xC3, 0x28, 0x80, 0x7B, 0x00 }, received);
                Assert.AreEqual(0L, device.Session.Counters.Rejected);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Identifiers_may_have_sub_levels_and_a_catch_all_takes_the_rest()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                string exact = null;
                string other = null;
                device.Dialect.OnDataSet("line-1/raw", (id, payload) => exact = id);
                device.Dialect.OnDataSet(null, (id, payload) => other = id);
                device.Transport.Deliver("data_set/" + EztDevice.Username + "/line-1/raw", new byte[] { 1 });
                device.Transport.Deliver("data_set/" + EztDevice.Username + "/text", EztDevice.Bytes("plain text, not JSON"));
                Assert.AreEqual("line-1/raw", exact);
                Assert.AreEqual("text", other);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void An_empty_payload_reaches_the_handler_as_no_bytes()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                byte[] received = null;
                device.Dialect.OnDataSet("cfg", (id, payload) => received = payload);
                device.Transport.Deliver("data_set/" + EztDevice.Username + "/cfg", new byte[0]);
                Assert.IsNotNull(received);
                Assert.AreEqual(0, received.Length);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_stream_without_handler_or_with_a_failing_one_is_rejected()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                device.Transport.Deliver("data_set/" + EztDevice.Username + "/nobody", new byte[] { 1, 2 });
                Assert.Contains("no handler for data stream 'nobody'", device.LastRejection());
                device.Dialect.OnDataSet("boom", (id, payload) => { throw new InvalidOperationException("parse error"); });
                device.Transport.Deliver("data_set/" + EztDevice.Username + "/boom", new byte[] { 1, 2 });
                Assert.Contains(((int)RejectReason.HandlerFailed).ToString() + "|data stream handler failed: parse error", device.LastRejection());
                Assert.AreEqual(2L, device.Session.Counters.Rejected);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Binary_payloads_go_out_untouched_on_any_identifier()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                byte[] payload = new byte[256];
                for (int i = 0; i < payload.Length; i++)
                {
                    payload[i] = (byte)i;
                }
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Dialect.PublishData("line-1/raw", payload));
                CollectionAssert.AreEqual(payload, device.Transport.LastOn("data/" + EztDevice.Username + "/line-1/raw"));
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Dialect.PublishData("empty", new byte[0]));
                Assert.AreEqual(0, device.Transport.LastOn("data/" + EztDevice.Username + "/empty").Length);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Bad_identifiers_are_refused_without_sending()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                Assert.AreEqual((int)SendResult.InvalidTopic, (int)device.Dialect.PublishData("a/+/b", new byte[] { 1 }));
                Assert.AreEqual((int)SendResult.InvalidTopic, (int)device.Dialect.PublishData("", new byte[] { 1 }));
                Assert.AreEqual((int)SendResult.InvalidTopic, (int)device.Dialect.PublishData(null, new byte[] { 1 }));
                Assert.AreEqual((int)SendResult.InvalidTopic, (int)device.Dialect.PublishData("a//b", new byte[] { 1 }));
                Assert.AreEqual(0, device.Transport.Count);
                Assert.ThrowsException(typeof(ArgumentException), () => device.Dialect.PublishData("modbus", null));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Offline_at_qos_0_data_is_refused_and_at_qos_1_kept()
        {
            EztCloudOptions options = EztDevice.QuietOptions();
            EztDevice device = new EztDevice(options);
            Assert.AreEqual((int)SendResult.NotConnected, (int)device.Dialect.PublishData("modbus", new byte[] { 1 }));

            options.PublishQos = IotDevice.Transport.MqttQos.AtLeastOnce;
            EztDevice reliable = new EztDevice(options);
            Assert.AreEqual((int)SendResult.Accepted, (int)reliable.Dialect.PublishData("modbus", new byte[] { 0xC1, 0xD5 }));
            reliable.Client.Start();
            try
            {
                reliable.RunUntil(() => reliable.Transport.Count == 1, "the kept message goes out once connected");
                CollectionAssert.AreEqual(new byte[] { 0xC1, 0xD5 }, reliable.Transport.PayloadAt(0));
            }
            finally
            {
                reliable.Stop();
            }
        }
    }
}
