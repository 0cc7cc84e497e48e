using System;
using System.Text;
using IotDevice.Client;
using IotDevice.Dialects.FastBee;
using IotDevice.Session;
using IotDevice.Dialects;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.FastBee
{
    /// <summary>function/get: dispatch, confirmation on property/post, idempotent replays, and hostile input.</summary>
    [TestClass]
    public class FastBeeCommandTests
    {
        private static int _switch;
        private static int _switchCalls;

        private static FastBeeRig StartWithSwitch()
        {
            _switch = 0;
            _switchCalls = 0;
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options());
            // Apply, never toggle: a replayed "1" leaves the switch on.
            rig.Client.OnPropertySet("switch", c =>
            {
                _switchCalls++;
                bool on;
                if (!c.Value.TryGetBoolean(out on))
                {
                    c.Code = CommandContext.InvalidParameters;
                    return;
                }
                _switch = on ? 1 : 0;
            });
            return rig.Start();
        }

        [TestMethod]
        public void A_command_is_applied_and_confirmed_on_property_post()
        {
            FastBeeRig rig = StartWithSwitch();
            try
            {
                // §2 golden function/get.
                rig.Deliver("function/get", "[{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]");
                Assert.AreEqual(1, _switch);
                Assert.AreEqual("[{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]", rig.Last("property/post"));
                Assert.AreEqual(0L, rig.Rejected);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Command_handlers_come_before_property_handlers_and_output_is_what_is_confirmed()
        {
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options());
            string calledBy = null;
            rig.Client.OnPropertySet("gear", c => calledBy = "property");
            rig.Client.OnCommand("gear", c =>
            {
                calledBy = "command";
                long gear;
                c.Value.TryGetInt64(out gear);
                c.Output.Add("gear", gear > 3 ? 3L : gear);
                c.Output.Add("speed", gear > 3 ? 900L : gear * 300);
            });
            rig.Start();
            try
            {
                rig.Deliver("function/get", "[{\"id\":\"gear\",\"value\":\"9\",\"remark\":\"\"}]");
                Assert.AreEqual("command", calledBy);
                Assert.AreEqual("[{\"id\":\"gear\",\"value\":\"3\",\"remark\":\"\"},{\"id\":\"speed\",\"value\":\"900\",\"remark\":\"\"}]",
                    rig.Last("property/post"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void A_retained_replay_applies_the_same_value_again_without_toggling()
        {
            FastBeeRig rig = StartWithSwitch();
            try
            {
                byte[] payload = FastBeeRig.Bytes("[{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]");
                string topic = FastBeeRig.Prefix + "function/get";
                ((IDeviceDialect)rig.Dialect).HandleMessage(topic, payload, true);
                ((IDeviceDialect)rig.Dialect).HandleMessage(topic, payload, true);
                Assert.AreEqual(2, _switchCalls);
                Assert.AreEqual(1, _switch, "still on after the replay");
                Assert.AreEqual(2, rig.Count("property/post"), "each application is confirmed");
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void An_empty_function_get_clears_nothing_and_is_not_an_error()
        {
            FastBeeRig rig = StartWithSwitch();
            try
            {
                rig.Deliver("function/get", "");
                rig.Deliver("function/get", "  ");
                Assert.AreEqual(0, _switchCalls);
                Assert.AreEqual(0L, rig.Rejected);
                Assert.AreEqual(0, rig.Count("property/post"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Items_without_a_handler_are_rejected_and_the_others_applied()
        {
            FastBeeRig rig = StartWithSwitch();
            try
            {
                rig.Deliver("function/get", "[{\"id\":\"light\",\"value\":\"1\",\"remark\":\"\"},{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]");
                Assert.AreEqual(1L, rig.Rejected);
                Assert.Contains("'light'", rig.LastRejection);
                Assert.AreEqual(1, _switch);
                Assert.AreEqual("[{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]", rig.Last("property/post"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void A_failing_handler_is_counted_and_its_value_not_confirmed()
        {
            FastBeeRig rig = StartWithSwitch();
            rig.Client.OnCommand("reboot", c => { throw new InvalidOperationException("watchdog busy"); });
            try
            {
                rig.Deliver("function/get", "[{\"id\":\"switch\",\"value\":\"maybe\"},{\"id\":\"reboot\",\"value\":\"1\"}]");
                Assert.AreEqual(2L, rig.Rejected);
                Assert.Contains("watchdog busy", rig.LastRejection);
                Assert.AreEqual(0, rig.Count("property/post"), "nothing took effect, nothing is confirmed");
                Assert.IsTrue(rig.Client.Session.IsConnected);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Malformed_and_hostile_payloads_are_rejected_with_a_reason_and_the_session_goes_on()
        {
            FastBeeRig rig = StartWithSwitch();
            try
            {
                string deep = "";
                for (int i = 0; i < 40; i++)
                {
                    deep += "[";
                }
                string[] bad = new string[]
                {
                    "not json", "{\"id\":\"switch\",\"value\":\"1\"}", "123", "\"switch\"", "[{\"id\":\"switch\",\"value\":\"1\"}",
                    "[1]", "[{\"id\":5,\"value\":\"1\"}]", "[{\"value\":\"1\"}]", "[{\"id\":\"switch\"}]", "[{\"id\":\"switch\",\"value\":null}]",
                    deep, "[{\"id\":\"switch\",\"value\":\"1\"}] trailing", "\u0001\u0002",
                };
                for (int i = 0; i < bad.Length; i++)
                {
                    long before = rig.Rejected;
                    rig.Deliver("function/get", bad[i]);
                    Assert.AreEqual(before + 1, rig.Rejected, "payload " + i.ToString() + " is rejected once");
                    Assert.IsNotNull(rig.LastRejection);
                }
                // Bytes no string can carry on the device: NUL and control characters.
                long beforeBytes = rig.Rejected;
                rig.Transport.Deliver(FastBeeRig.Prefix + "function/get", new byte[] { 0x00, 0x01, 0x5B });
                Assert.AreEqual(beforeBytes + 1, rig.Rejected, "NUL bytes are rejected once");
                Assert.AreEqual(0, _switchCalls);
                rig.Deliver("function/get", "[{\"id\":\"switch\",\"value\":\"1\"}]");
                Assert.AreEqual(1, _switch, "still working");
                Assert.IsTrue(rig.Client.Session.IsConnected);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void An_item_whose_id_decodes_to_a_control_character_is_rejected_and_the_rest_still_runs()
        {
            FastBeeRig rig = StartWithSwitch();
            int caught = 0;
            rig.Client.OnPropertySet(null, c => caught++); // a catch-all would otherwise take the id
            try
            {
                // "\u0000" is "" on the device and "\0" on .NET: an identifier on neither.
                rig.Deliver("function/get", "[{\"id\":\"\\u0000\",\"value\":\"9\",\"remark\":\"\"},{\"id\":\"\\u0007\",\"value\":\"9\"},{\"id\":\"switch\",\"value\":\"1\"}]");
                Assert.AreEqual(2L, rig.Rejected, "each bad item once");
                Assert.Contains("empty or holds control characters", rig.LastRejection);
                Assert.AreEqual(0, caught);
                Assert.AreEqual(1, _switch, "the good item after them still ran");
                Assert.AreEqual(1, rig.Count("property/post"), "and was confirmed");
                Assert.IsTrue(rig.Client.Session.IsConnected);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Commands_arriving_before_info_post_are_handled_right_after_it()
        {
            _switch = 0;
            _switchCalls = 0;
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options());
            rig.Client.OnPropertySet("switch", c => { _switchCalls++; _switch = 1; });
            // A retained replay lands between SUBACK and info/post; here, before the first connect.
            byte[] payload = FastBeeRig.Bytes("[{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]");
            for (int i = 0; i < 9; i++)
            {
                rig.Transport.Deliver(FastBeeRig.Prefix + "function/get", payload);
            }
            Assert.AreEqual(0, _switchCalls, "held until info/post");
            Assert.AreEqual(1L, rig.Rejected, "the ninth is beyond the hold");
            Assert.AreEqual(1L, rig.Client.Session.Counters.RejectedFor(RejectReason.BeforeAnnouncement));
            rig.Start();
            try
            {
                FastBeeRig.WaitFor(() => rig.Count("property/post") == 8, "the held commands confirmed");
                Assert.AreEqual(8, _switchCalls);
                Assert.StartsWith(FastBeeRig.Prefix + "info/post|", rig.Transport.Published()[0]);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Ten_thousand_items_are_refused_without_running_a_handler()
        {
            SessionOptions session = FastBeeRig.FastSession();
            session.MaxInboundBytes = 1024 * 1024;
            _switchCalls = 0;
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options(), session);
            rig.Client.OnPropertySet("switch", c => _switchCalls++);
            rig.Start();
            try
            {
                rig.Transport.Deliver(FastBeeRig.Prefix + "function/get", TenThousandItems());
                Assert.AreEqual(1L, rig.Rejected);
                Assert.Contains("more than 64 items", rig.LastRejection);
                Assert.AreEqual(0, _switchCalls);
                Assert.AreEqual(0, rig.Count("property/post"));
            }
            finally
            {
                rig.Stop();
            }
        }

        // 280 KB of items, made as bytes: the device's StringBuilder stops near 32 K characters.
        private static byte[] TenThousandItems()
        {
            byte[] item = Encoding.UTF8.GetBytes(",{\"id\":\"switch\",\"value\":\"1\"}");
            byte[] payload = new byte[item.Length * 10000 + 1];
            for (int i = 0; i < 10000; i++)
            {
                Array.Copy(item, 0, payload, i * item.Length, item.Length);
            }
            payload[0] = (byte)'[';
            payload[payload.Length - 1] = (byte)']';
            return payload;
        }

        [TestMethod]
        public void Oversized_payloads_are_stopped_by_the_session_limit()
        {
            FastBeeRig rig = StartWithSwitch();
            try
            {
                rig.Transport.Deliver(FastBeeRig.Prefix + "function/get", TenThousandItems());
                Assert.AreEqual(1L, rig.Rejected);
                Assert.AreEqual(0, _switchCalls);
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
