using System;
using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Json;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Client
{
    [TestClass]
    public class ClientBasicsTests
    {
        [TestMethod]
        public void Ntp_estimate_matches_alibabas_worked_example()
        {
            // test-vectors.md §3.1: device 100 / server 1010 / server 1015 / device 125 -> 1025.
            Assert.AreEqual(1025L, DeviceClock.EstimateNow(100, 1010, 1015, 125));
        }

        [TestMethod]
        public void Ntp_estimate_keeps_millisecond_precision_on_real_timestamps()
        {
            // 13-digit times would lose seconds in a float; all arithmetic is 64-bit.
            long now = DeviceClock.EstimateNow(5000, 1718000000100, 1718000000105, 5040);
            Assert.AreEqual(1718000000122L, now);
        }

        [TestMethod]
        public void The_clock_is_unset_until_synced_then_follows_the_exchange()
        {
            ManualClock monotonic = new ManualClock(5000);
            DeviceClock clock = new DeviceClock(monotonic);
            Assert.IsFalse(clock.IsSynced);
            Assert.AreEqual(0L, clock.NowMs);
            long set = clock.SetFromExchange(4960, 1718000000100, 1718000000105, 5000);
            Assert.IsTrue(clock.IsSynced);
            Assert.AreEqual(set, clock.NowMs, "no time has passed on the device's counter");
            monotonic.Advance(2500);
            Assert.AreEqual(set + 2500, clock.NowMs, "the wall clock moves with the counter");
        }

        [TestMethod]
        public void Handlers_are_found_by_identifier_then_the_catch_all()
        {
            HandlerRegistry registry = new HandlerRegistry();
            string called = null;
            registry.Set("restart", c => called = "restart:" + c.Identifier);
            Assert.IsFalse(registry.Dispatch(Context("other")), "no handler, no catch-all");
            registry.Set(null, c => called = "any:" + c.Identifier);
            Assert.IsTrue(registry.Dispatch(Context("restart")));
            Assert.AreEqual("restart:restart", called);
            Assert.IsTrue(registry.Dispatch(Context("other")));
            Assert.AreEqual("any:other", called);
        }

        [TestMethod]
        public void A_failing_handler_becomes_a_device_error()
        {
            HandlerRegistry registry = new HandlerRegistry();
            registry.Set("boom", c => { throw new InvalidOperationException("relay stuck"); });
            CommandContext command = Context("boom");
            Assert.IsTrue(registry.Dispatch(command));
            Assert.AreEqual(CommandContext.DeviceError, command.Code);
            Assert.Contains("relay stuck", command.Message);
        }

        [TestMethod]
        public void Many_handlers_fit()
        {
            HandlerRegistry registry = new HandlerRegistry();
            for (int i = 0; i < 20; i++)
            {
                registry.Set("h" + i.ToString(), c => c.Code = 201);
            }
            CommandContext command = Context("h17");
            Assert.IsTrue(registry.Dispatch(command));
            Assert.AreEqual(201, command.Code);
        }

        [TestMethod]
        public void Setting_an_identifier_again_replaces_its_value_and_keeps_the_others()
        {
            IdentifierMap map = new IdentifierMap();
            Assert.IsNull(map.Find("a"), "an empty map finds nothing");
            map.Set("a", "first");
            map.Set("b", "second");
            map.Set("a", "third");
            Assert.AreEqual("third", (string)map.Find("a"));
            Assert.AreEqual("second", (string)map.Find("b"));
            Assert.IsNull(map.Find("c"));
            map.Set(null, "any");
            Assert.AreEqual("any", (string)map.Find("c"));
            Assert.AreEqual("third", (string)map.Find("a"), "the catch-all takes nothing from the identifiers");
        }

        private static CommandContext Context(string identifier)
        {
            return new CommandContext(Dialect.Alink, identifier, new JsonElement(), new PropertyReport(4));
        }
    }
}
