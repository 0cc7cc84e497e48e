using System.Text;
using IotDevice.Boards;
using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Json;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Boards
{
    [TestClass]
    public class LedCommandTests
    {
        private static CommandContext Run(IStatusLed led, string valueJson)
        {
            JsonElement value = new JsonElement();
            if (valueJson != null)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(valueJson);
                value = JsonReader.Parse(bytes, 0, bytes.Length);
            }
            CommandContext command = new CommandContext(Dialect.Alink, LedCommand.Identifier, value, new PropertyReport(2));
            LedCommand.For(led)(command);
            return command;
        }

        [TestMethod]
        public void FastBee_values_set_the_led()
        {
            RememberedLed led = new RememberedLed();
            CommandContext command = Run(led, "\"1\"");
            Assert.IsTrue(led.IsOn);
            Assert.AreEqual(CommandContext.Ok, command.Code);
            Assert.IsTrue(command.Output.BooleanAt(0));
            Run(led, "\"1\"");
            Assert.AreEqual(1, led.Changes, "setting the same value again is idempotent");
            Run(led, "\"0\"");
            Assert.IsFalse(led.IsOn);
        }

        [TestMethod]
        public void Parameter_objects_set_or_toggle()
        {
            RememberedLed led = new RememberedLed();
            Run(led, "{\"on\":true}");
            Assert.IsTrue(led.IsOn);
            Run(led, "{\"led\":false}");
            Assert.IsFalse(led.IsOn);
            CommandContext command = Run(led, "{}");
            Assert.IsTrue(led.IsOn, "no value toggles");
            Assert.AreEqual(SensorIds.Led, command.Output.IdAt(0));
            Run(led, null);
            Assert.IsFalse(led.IsOn);
        }

        [TestMethod]
        public void A_value_that_is_not_a_switch_is_refused()
        {
            RememberedLed led = new RememberedLed();
            CommandContext command = Run(led, "{\"on\":\"maybe\"}");
            Assert.AreEqual(CommandContext.InvalidParameters, command.Code);
            Assert.AreEqual(0, command.Output.Count);
            Assert.AreEqual(0, led.Changes);
        }
    }
}
