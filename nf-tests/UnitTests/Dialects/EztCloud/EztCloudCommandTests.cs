using System;
using IotDevice.Dialects.EztCloud;
using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    /// <summary>command_send → handler → exactly one command_reply, whatever the handler does.</summary>
    [TestClass]
    public class EztCloudCommandTests
    {
        [TestMethod]
        public void Unknown_method_is_answered_as_such_and_logged()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                device.Deliver("command_send", "{\"method\":\"selfDestruct\",\"params\":{},\"id\":7}");
                Assert.AreEqual("{\"method\":\"selfDestruct\",\"params\":{\"error\":\"unknown method\"},\"id\":7}", device.Last("command_reply"));
                Assert.IsTrue(device.Logged("no handler for command 'selfDestruct'"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_failing_handler_is_answered_with_error_and_code()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                device.Client.OnCommand("valve", c => { throw new InvalidOperationException("stuck"); });
                device.Client.OnCommand("pump", c =>
                {
                    c.Output.Add("rpm", 0L);
                    c.Code = 460;
                    c.Message = "rpm out of range";
                });
                device.Deliver("command_send", "{\"method\":\"valve\",\"params\":{},\"id\":1}");
                Assert.AreEqual("{\"method\":\"valve\",\"params\":{\"error\":\"handler failed: stuck\",\"code\":400},\"id\":1}", device.Last("command_reply"));
                device.Deliver("command_send", "{\"method\":\"pump\",\"params\":{\"rpm\":9000},\"id\":2}");
                Assert.AreEqual("{\"method\":\"pump\",\"params\":{\"rpm\":0,\"error\":\"rpm out of range\",\"code\":460},\"id\":2}", device.Last("command_reply"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Each_command_gets_exactly_one_reply()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                int runs = 0;
                device.Client.OnCommand("ping", c => runs++);
                device.Deliver("command_send", "{\"method\":\"ping\",\"params\":{},\"id\":1}");
                device.Deliver("command_send", "{\"method\":\"ping\",\"params\":{},\"id\":2}");
                Assert.AreEqual(2, runs);
                Assert.AreEqual(2, device.CountOn("command_reply"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Unknown_fields_are_ignored_and_a_catch_all_handler_works()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                string seen = null;
                device.Client.OnCommand(null, c => seen = c.Identifier);
                device.Deliver("command_send", "{\"command_name\":\"开关\",\"method\":\"light\",\"extra\":[1,2],\"params\":{\"on\":true},\"id\":5}");
                Assert.AreEqual("light", seen);
                Assert.AreEqual("{\"method\":\"light\",\"params\":{},\"id\":5}", device.Last("command_reply"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_command_without_id_or_params_still_runs_and_the_reply_has_no_id()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                bool hadParams = true;
                device.Client.OnCommand("beep", c => hadParams = c.Value.Exists);
                device.Deliver("command_send", "{\"method\":\"beep\"}");
                Assert.IsFalse(hadParams);
                Assert.AreEqual("{\"method\":\"beep\",\"params\":{}}", device.Last("command_reply"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Ids_keep_their_exact_json_text()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                device.Client.OnCommand("x", c => { });
                device.Deliver("command_send", "{\"method\":\"x\",\"id\":9007199254740993}");
                Assert.AreEqual("{\"method\":\"x\",\"params\":{},\"id\":9007199254740993}", device.Last("command_reply"));
                device.Deliver("command_send", "{\"method\":\"x\",\"id\":\"98310\"}");
                Assert.AreEqual("{\"method\":\"x\",\"params\":{},\"id\":\"98310\"}", device.Last("command_reply"));
                device.Deliver("command_send", "{\"method\":\"x\",\"id\":\"a\\\"b\"}");
                Assert.AreEqual("{\"method\":\"x\",\"params\":{},\"id\":\"a\\\"b\"}", device.Last("command_reply"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Malformed_commands_are_rejected_with_a_reason_and_not_answered()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                int runs = 0;
                device.Client.OnCommand(null, c => runs++);
                ExpectRejected(device, "restart now", "invalid JSON", 1);
                ExpectRejected(device, "{\"params\":{},\"id\":1}", "command without a method", 2);
                ExpectRejected(device, "{\"method\":42,\"params\":{},\"id\":1}", "command without a method", 3);
                ExpectRejected(device, "{\"method\":\"\",\"params\":{},\"id\":1}", "command without a method", 4);
                ExpectRejected(device, "{\"method\":\"x\",\"params\":[1,2],\"id\":1}", "params is not an object", 5);
                ExpectRejected(device, "{\"method\":\"x\",\"params\":\"on\",\"id\":1}", "params is not an object", 6);
                ExpectRejected(device, "{\"method\":\"x\",\"params\":{},\"id\":{\"n\":1}}", "neither a string nor a number", 7);
                ExpectRejected(device, "[{\"method\":\"x\"}]", "not a JSON object", 8);
                ExpectRejected(device, "{\"method\":\"x\",\"params\":{\"list\":" + HugeArray(600) + "},\"id\":1}", "more than 512 JSON values", 9);
                Assert.AreEqual(0, runs, "no handler ran");
                Assert.AreEqual(0, device.CountOn("command_reply"), "nothing was answered");
                Assert.AreEqual(9L, device.Session.Counters.Rejected);
                Assert.Contains(((int)RejectReason.BadPayload).ToString() + "|", device.LastRejection());
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Empty_payload_is_no_data_and_logged()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                device.Transport.Deliver(EztDevice.Topic("command_send"), new byte[0]);
                Assert.AreEqual(0L, device.Session.Counters.Rejected);
                Assert.IsTrue(device.Logged("no data"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Messages_for_another_device_or_on_uplink_topics_are_rejected()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                int runs = 0;
                device.Client.OnCommand(null, c => runs++);
                device.Transport.Deliver("command_send/DU_someoneElse", "{\"method\":\"x\",\"id\":1}");
                device.Transport.Deliver(EztDevice.Topic("command_reply"), "{\"method\":\"x\",\"id\":1}");
                Assert.AreEqual(0, runs);
                Assert.AreEqual(2L, device.Session.Counters.Rejected);
            }
            finally
            {
                device.Stop();
            }
        }

        internal static string HugeArray(int items)
        {
            char[] text = new char[items * 2 + 1];
            text[0] = '[';
            for (int i = 0; i < items; i++)
            {
                text[1 + i * 2] = '0';
                text[2 + i * 2] = i == items - 1 ? ']' : ',';
            }
            return new string(text);
        }

        private static void ExpectRejected(EztDevice device, string payload, string reason, int count)
        {
            device.Deliver("command_send", payload);
            Assert.AreEqual((long)count, device.Session.Counters.Rejected, "rejected: " + payload);
            Assert.Contains(reason, device.LastRejection());
        }
    }
}
