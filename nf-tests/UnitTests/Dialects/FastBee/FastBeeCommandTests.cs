using System;
using System.Text;
using IotDevice.Client;
using IotDevice.Dialects.FastBee;
using IotDevice.Session;
using IotDevice.Dialects;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.FastBee
{
    /// <summary>function/get: dispatch, confirmation on property/post, idempotent replays, and hostile input.</summary>
    [TestClass]
    public class FastBeeCommandTests
    {
        private static int _switch;
        private static int _switchCalls;

        private static FastBeeDevice StartWithSwitch()
        {
            _switch = 0;
            _switchCalls = 0;
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options());
            // Apply, never toggle: a replayed "1" leaves the switch on.
            device.Client.OnPropertySet("switch", c =>
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
            return device.Start();
        }

        [TestMethod]
        public void A_command_is_applied_and_confirmed_on_property_post()
        {
            FastBeeDevice device = StartWithSwitch();
            try
            {
                // §2 golden function/get.
                device.Deliver("function/get", "[{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]");
                Assert.AreEqual(1, _switch);
                Assert.AreEqual("[{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]", device.Last("property/post"));
                Assert.AreEqual(0L, device.Rejected);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Command_handlers_come_before_property_handlers_and_output_is_what_is_confirmed()
        {
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options());
            string calledBy = null;
            device.Client.OnPropertySet("gear", c => calledBy = "property");
            device.Client.OnCommand("gear", c =>
            {
                calledBy = "command";
                long gear;
                c.Value.TryGetInt64(out gear);
                c.Output.Add("gear", gear > 3 ? 3L : gear);
                c.Output.Add("speed", gear > 3 ? 900L : gear * 300);
            });
            device.Start();
            try
            {
                device.Deliver("function/get", "[{\"id\":\"gear\",\"value\":\"9\",\"remark\":\"\"}]");
                Assert.AreEqual("command", calledBy);
                Assert.AreEqual("[{\"id\":\"gear\",\"value\":\"3\",\"remark\":\"\"},{\"id\":\"speed\",\"value\":\"900\",\"remark\":\"\"}]",
                    device.Last("property/post"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_retained_replay_applies_the_same_value_again_without_toggling()
        {
            FastBeeDevice device = StartWithSwitch();
            try
            {
                byte[] payload = FastBeeDevice.Bytes("[{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]");
                string topic = FastBeeDevice.Prefix + "function/get";
                ((IDeviceDialect)device.Dialect).HandleMessage(topic, payload, true);
                ((IDeviceDialect)device.Dialect).HandleMessage(topic, payload, true);
                Assert.AreEqual(2, _switchCalls);
                Assert.AreEqual(1, _switch, "still on after the replay");
                Assert.AreEqual(2, device.Count("property/post"), "each application is confirmed");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void An_empty_function_get_clears_nothing_and_is_not_an_error()
        {
            FastBeeDevice device = StartWithSwitch();
            try
            {
                device.Deliver("function/get", "");
                device.Deliver("function/get", "  ");
                Assert.AreEqual(0, _switchCalls);
                Assert.AreEqual(0L, device.Rejected);
                Assert.AreEqual(0, device.Count("property/post"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Items_without_a_handler_are_rejected_and_the_others_applied()
        {
            FastBeeDevice device = StartWithSwitch();
            try
            {
                device.Deliver("function/get", "[{\"id\":\"light\",\"value\":\"1\",\"remark\":\"\"},{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]");
                Assert.AreEqual(1L, device.Rejected);
                Assert.Contains("'light'", device.LastRejection);
                Assert.AreEqual(1, _switch);
                Assert.AreEqual("[{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]", device.Last("property/post"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_failing_handler_is_counted_and_its_value_not_confirmed()
        {
            FastBeeDevice device = StartWithSwitch();
            device.Client.OnCommand("reboot", c => { throw new InvalidOperationException("watchdog busy"); });
            try
            {
                device.Deliver("function/get", "[{\"id\":\"switch\",\"value\":\"maybe\"},{\"id\":\"reboot\",\"value\":\"1\"}]");
                Assert.AreEqual(2L, device.Rejected);
                Assert.Contains("watchdog busy", device.LastRejection);
                Assert.AreEqual(0, device.Count("property/post"), "nothing took effect, nothing is confirmed");
                Assert.IsTrue(device.Rig.Session.IsConnected);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Malformed_and_hostile_payloads_are_rejected_with_a_reason_and_the_session_goes_on()
        {
            FastBeeDevice device = StartWithSwitch();
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
                    long before = device.Rejected;
                    device.Deliver("function/get", bad[i]);
                    Assert.AreEqual(before + 1, device.Rejected, "payload " + i.ToString() + " is rejected once");
                    Assert.IsNotNull(device.LastRejection);
                }
                // Bytes no string can carry on the device: NUL and control characters.
                long beforeBytes = device.Rejected;
                device.Transport.Deliver(FastBeeDevice.Prefix + "function/get", new byte[] { 0x00, 0x01, 0x5B });
                Assert.AreEqual(beforeBytes + 1, device.Rejected, "NUL bytes are rejected once");
                Assert.AreEqual(0, _switchCalls);
                device.Deliver("function/get", "[{\"id\":\"switch\",\"value\":\"1\"}]");
                Assert.AreEqual(1, _switch, "still working");
                Assert.IsTrue(device.Rig.Session.IsConnected);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void An_item_whose_id_decodes_to_a_control_character_is_rejected_and_the_rest_still_runs()
        {
            FastBeeDevice device = StartWithSwitch();
            int caught = 0;
            device.Client.OnPropertySet(null, c => caught++); // a catch-all would otherwise take the id
            try
            {
                // "\u0000" is "" on the device and "\0" on .NET: an identifier on neither.
                device.Deliver("function/get", "[{\"id\":\"\\u0000\",\"value\":\"9\",\"remark\":\"\"},{\"id\":\"\\u0007\",\"value\":\"9\"},{\"id\":\"switch\",\"value\":\"1\"}]");
                Assert.AreEqual(2L, device.Rejected, "each bad item once");
                Assert.Contains("empty or holds control characters", device.LastRejection);
                Assert.AreEqual(0, caught);
                Assert.AreEqual(1, _switch, "the good item after them still ran");
                Assert.AreEqual(1, device.Count("property/post"), "and was confirmed");
                Assert.IsTrue(device.Rig.Session.IsConnected);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Commands_arriving_before_info_post_are_handled_right_after_it()
        {
            _switch = 0;
            _switchCalls = 0;
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options());
            device.Client.OnPropertySet("switch", c => { _switchCalls++; _switch = 1; });
            // A retained replay lands between SUBACK and info/post; here, before the first connect.
            byte[] payload = FastBeeDevice.Bytes("[{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]");
            for (int i = 0; i < 9; i++)
            {
                device.Transport.Deliver(FastBeeDevice.Prefix + "function/get", payload);
            }
            Assert.AreEqual(0, _switchCalls, "held until info/post");
            Assert.AreEqual(1L, device.Rejected, "the ninth is beyond the hold");
            Assert.AreEqual(1L, device.Rig.Session.Counters.RejectedFor(RejectReason.BeforeAnnouncement));
            device.Start();
            try
            {
                Waits.Until(() => device.Count("property/post") == 8, "the held commands confirmed");
                Assert.AreEqual(8, _switchCalls);
                Assert.StartsWith(FastBeeDevice.Prefix + "info/post|", device.Transport.Published()[0]);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Ten_thousand_items_are_refused_without_running_a_handler()
        {
            SessionOptions session = DeviceRig.Quick();
            session.MaxInboundBytes = 1024 * 1024;
            _switchCalls = 0;
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options(), session);
            device.Client.OnPropertySet("switch", c => _switchCalls++);
            device.Start();
            try
            {
                device.Transport.Deliver(FastBeeDevice.Prefix + "function/get", TenThousandItems());
                Assert.AreEqual(1L, device.Rejected);
                Assert.Contains("more than 64 items", device.LastRejection);
                Assert.AreEqual(0, _switchCalls);
                Assert.AreEqual(0, device.Count("property/post"));
            }
            finally
            {
                device.Stop();
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
            FastBeeDevice device = StartWithSwitch();
            try
            {
                device.Transport.Deliver(FastBeeDevice.Prefix + "function/get", TenThousandItems());
                Assert.AreEqual(1L, device.Rejected);
                Assert.AreEqual(0, _switchCalls);
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
