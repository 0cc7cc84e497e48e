using System;
using IotDevice.Client;
using IotDevice.Dialects.Alink;
using IotDevice.Session;
using IotDevice.Dialects;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.Alink
{
    /// <summary>Property sets, service calls and RRPC through the client's handlers, with golden messages of §5.</summary>
    [TestClass]
    public class AlinkDownlinkTests
    {
        private const string SetTopic = AlinkDevice.Sys + "thing/service/property/set";
        private const string SetReplyTopic = AlinkDevice.Sys + "thing/service/property/set_reply";
        private const string PostTopic = AlinkDevice.Sys + "thing/event/property/post";

        [TestMethod]
        public void Property_set_runs_the_handler_replies_200_then_posts_the_applied_value()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                string seen = null;
                device.Client.OnPropertySet("temperature", c => seen = c.Value.GetString());
                device.Deliver(SetTopic, "{\"id\":\"123\",\"version\":\"1.0\",\"params\":{\"temperature\":\"30.5\"},\"method\":\"thing.service.property.set\"}");
                Assert.AreEqual("30.5", seen);
                string[] sent = device.Sent();
                Assert.AreEqual(2, sent.Length);
                Assert.AreEqual(SetReplyTopic + "|{\"id\":\"123\",\"code\":200,\"data\":{}}", sent[0]);
                Assert.AreEqual(PostTopic + "|{\"id\":\"123\",\"version\":\"1.0\",\"sys\":{\"ack\":1},\"params\":{\"temperature\":\"30.5\"},\"method\":\"thing.event.property.post\"}", sent[1]);
                Assert.AreEqual(0, device.Rejections.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_numeric_id_is_echoed_as_a_number()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                device.Client.OnPropertySet(null, c => { });
                device.Deliver(SetTopic, "{\"id\":123,\"version\":\"1.0\",\"params\":{\"Power\":\"on\"}}");
                Assert.AreEqual(SetReplyTopic + "|{\"id\":123,\"code\":200,\"data\":{}}", device.Sent()[0]);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Values_in_effect_come_from_the_handler_when_it_says()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                // The device clamps 99 to 40 and reports what it applied, with doubles kept as doubles.
                device.Client.OnPropertySet("Target", c => c.Output.Add("Target", 40.0));
                device.Deliver(SetTopic, "{\"id\":\"9\",\"params\":{\"Target\":99}}");
                Assert.Contains("\"params\":{\"Target\":40.0}", device.Last());
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Unhandled_values_get_460_and_failing_handlers_400()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                device.Client.OnPropertySet("Power", c => { });
                device.Client.OnPropertySet("Speed", c => { c.Code = CommandContext.InvalidParameters; c.Message = "out of range"; });
                device.Client.OnPropertySet("Relay", c => { throw new InvalidOperationException("relay stuck"); });

                device.Deliver(SetTopic, "{\"id\":\"1\",\"params\":{\"Power\":\"on\",\"Color\":\"red\"}}");
                string[] sent = device.Sent();
                Assert.StartsWith(SetReplyTopic + "|{\"id\":\"1\",\"code\":460,\"data\":{},\"message\":\"Color:", sent[0]);
                Assert.Contains("\"params\":{\"Power\":\"on\"}", sent[1], "the accepted value is still reported");

                device.Mark();
                device.Deliver(SetTopic, "{\"id\":\"2\",\"params\":{\"Speed\":500}}");
                Assert.AreEqual(SetReplyTopic + "|{\"id\":\"2\",\"code\":460,\"data\":{},\"message\":\"Speed: out of range\"}", device.Sent()[0]);
                Assert.AreEqual(1, device.Sent().Length, "nothing applied, nothing posted");

                device.Mark();
                device.Deliver(SetTopic, "{\"id\":\"3\",\"params\":{\"Speed\":500,\"Relay\":1}}");
                Assert.StartsWith(SetReplyTopic + "|{\"id\":\"3\",\"code\":400,", device.Sent()[0]);
                Assert.Contains("relay stuck", device.Sent()[0]);

                // An unusable name after the failure is invalid too, and the failure still outranks it.
                device.Mark();
                device.Deliver(SetTopic, "{\"id\":\"4\",\"params\":{\"Relay\":1,\"\":2}}");
                Assert.StartsWith(SetReplyTopic + "|{\"id\":\"4\",\"code\":400,", device.Sent()[0]);
                Assert.Contains("relay stuck; a property name is empty", device.Sent()[0]);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Service_call_replies_with_the_output_in_data()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                double weight = 0;
                device.Client.OnCommand("SetWeight", c =>
                {
                    c.Value.Get("NewWeight").TryGetDouble(out weight);
                    c.Output.Add("CollectTime", "1536228947682").Add("OldWeight", 100.101);
                });
                device.Deliver(AlinkDevice.Sys + "thing/service/SetWeight",
                    "{\"method\":\"thing.service.SetWeight\",\"id\":\"105917531\",\"params\":{\"NewWeight\":100.8},\"version\":\"1.0\"}");
                Assert.AreEqual(100.8, weight);
                Assert.AreEqual(AlinkDevice.Sys + "thing/service/SetWeight_reply|{\"id\":\"105917531\",\"code\":200,\"data\":{\"CollectTime\":\"1536228947682\",\"OldWeight\":100.101}}",
                    device.Last());
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void An_unknown_service_gets_460_with_a_message_and_handler_codes_pass_through()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                device.Deliver(AlinkDevice.Sys + "thing/service/Nope", "{\"id\":\"5\",\"params\":{}}");
                Assert.AreEqual(AlinkDevice.Sys + "thing/service/Nope_reply|{\"id\":\"5\",\"code\":460,\"data\":{},\"message\":\"no handler for service 'Nope'\"}", device.Last());

                device.Client.OnCommand("Busy", c => { c.Code = 100042; c.Message = "motor cooling down"; });
                device.Deliver(AlinkDevice.Sys + "thing/service/Busy", "{\"id\":6}");
                Assert.AreEqual(AlinkDevice.Sys + "thing/service/Busy_reply|{\"id\":6,\"code\":100042,\"data\":{},\"message\":\"motor cooling down\"}", device.Last());

                device.Client.OnCommand("Odd", c => c.Code = 201);
                device.Deliver(AlinkDevice.Sys + "thing/service/Odd", "{\"id\":\"7\",\"params\":{}}");
                Assert.StartsWith(AlinkDevice.Sys + "thing/service/Odd_reply|{\"id\":\"7\",\"code\":400", device.Last());
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Rrpc_is_subscribed_and_answered_only_when_enabled()
        {
            AlinkDevice off = new AlinkDevice();
            string[] filters = ((IDeviceDialect)off.Dialect).GetSubscribeFilters();
            for (int i = 0; i < filters.Length; i++)
            {
                Assert.IsTrue(filters[i].IndexOf("rrpc") < 0, "subscribed " + filters[i]);
            }
            off.Start(0);
            try
            {
                off.Rig.Deliver(AlinkDevice.Sys + "rrpc/request/1234567890", "{\"id\":\"8\",\"method\":\"thing.service.Open\",\"params\":{}}");
                Assert.IsTrue(off.Rig.Rejected(RejectReason.UnsupportedTopic));
                Assert.AreEqual(0, off.Rig.Sent().Length);
            }
            finally
            {
                off.Rig.Stop();
            }

            AlinkOptions options = AlinkDevice.Options();
            options.RrpcEnabled = true;
            AlinkDevice on = new AlinkDevice(options);
            Assert.AreEqual(filters.Length + 1, ((IDeviceDialect)on.Dialect).GetSubscribeFilters().Length);
            on.Start(0);
            try
            {
                on.Rig.Client.OnCommand("Open", c => c.Output.Add("Opened", true));
                on.Rig.Deliver(AlinkDevice.Sys + "rrpc/request/1234567890", "{\"id\":\"8\",\"version\":\"1.0\",\"method\":\"thing.service.Open\",\"params\":{}}");
                Assert.AreEqual(AlinkDevice.Sys + "rrpc/response/1234567890|{\"id\":\"8\",\"code\":200,\"data\":{\"Opened\":true}}", on.Rig.Last());

                on.Rig.Deliver(AlinkDevice.Sys + "rrpc/request/55", "{\"id\":\"9\",\"method\":\"thing.event.x\"}");
                Assert.StartsWith(AlinkDevice.Sys + "rrpc/response/55|{\"id\":\"9\",\"code\":460", on.Rig.Last());
                Assert.IsTrue(on.Rig.Rejected(RejectReason.BadPayload));
            }
            finally
            {
                on.Rig.Stop();
            }
        }
    }
}
