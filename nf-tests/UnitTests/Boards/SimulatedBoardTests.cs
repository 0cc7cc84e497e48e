using System;
using IotDevice.Boards;
using IotDevice.Client;
using IotDevice.Json;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Boards
{
    [TestClass]
    public class SimulatedBoardTests
    {
        private static string Json(PropertyReport report)
        {
            JsonWriter writer = new JsonWriter(128, 1024);
            report.WriteObject(writer);
            return writer.ToString();
        }

        [TestMethod]
        public void Readings_flow_into_the_report_in_script_order()
        {
            Board board = SimulatedBoard.Create(KnownBoards.Esp32DevKitC());
            PropertyReport report = new PropertyReport(board.ValueCount);
            Assert.AreEqual(0, board.ReadSensors(report));
            Assert.AreEqual("{\"temperature\":21.5,\"humidity\":45.0,\"pressure\":1013.2,\"chipTemperature\":1850.0,\"hall\":12.0,\"led\":false}", Json(report));

            report.Clear();
            board.ReadSensors(report);
            Assert.AreEqual(SensorIds.Temperature, report.IdAt(0));
            Assert.AreEqual(21.7, report.DoubleAt(0));
            Assert.AreEqual(1862.0, report.DoubleAt(3));
        }

        [TestMethod]
        public void A_failed_read_is_counted_and_the_other_sensors_still_report()
        {
            Board board = SimulatedBoard.Create(KnownBoards.Esp32DevKitC());
            PropertyReport report = new PropertyReport(board.ValueCount);
            for (int i = 0; i < 4; i++)
            {
                report.Clear();
                Assert.AreEqual(0, board.ReadSensors(report));
            }
            report.Clear();
            Assert.AreEqual(1, board.ReadSensors(report));
            Assert.AreEqual(1L, board.FailedReads);
            Assert.Contains("scripted failure", board.LastFailure);
            // The climate values are missing; the internal channels and the LED are there.
            Assert.AreEqual(3, report.Count);
            Assert.AreEqual(SensorIds.ChipTemperature, report.IdAt(0));
            Assert.AreEqual(SensorIds.Led, report.IdAt(2));
        }

        [TestMethod]
        public void The_script_starts_over_after_its_last_step()
        {
            ScriptedSensor sensor = SimulatedBoard.Climate();
            PropertyReport report = new PropertyReport(3);
            int steps = SimulatedBoard.ClimateScript().Length;
            for (int i = 0; i < steps; i++)
            {
                report.Clear();
                sensor.Read(report);
            }
            report.Clear();
            Assert.IsTrue(sensor.Read(report));
            Assert.AreEqual(21.5, report.DoubleAt(0));
            Assert.AreEqual(steps + 1, sensor.Reads);
            Assert.IsNull(sensor.LastError);
        }

        [TestMethod]
        public void A_report_without_room_fails_the_sensor_instead_of_throwing()
        {
            Board board = SimulatedBoard.Create(KnownBoards.Esp32S3DevKitC1());
            Assert.AreEqual(1, board.SensorCount);
            PropertyReport report = new PropertyReport(2);
            Assert.AreEqual(1, board.ReadSensors(report));
            Assert.Contains("no room", board.LastFailure);
            Assert.AreEqual(1, report.Count);
            Assert.AreEqual(SensorIds.Led, report.IdAt(0));
        }

        [TestMethod]
        public void A_throwing_sensor_is_a_failed_read()
        {
            Board board = new Board(KnownBoards.Esp32C3DevKitM1(), null);
            board.Add(new ThrowingSensor());
            PropertyReport report = new PropertyReport(4);
            Assert.AreEqual(1, board.ReadSensors(report));
            Assert.AreEqual("broken: read threw: bus stuck", board.LastFailure);
        }

        [TestMethod]
        public void Scripts_must_match_their_identifiers()
        {
            Assert.ThrowsException(typeof(ArgumentException), () =>
                new ScriptedSensor("x", new string[] { "a", "b" }, new double[][] { new double[] { 1 } }));
            Assert.ThrowsException(typeof(ArgumentException), () => new ScriptedSensor("x", new string[0], new double[][] { null }));
            Assert.ThrowsException(typeof(ArgumentException), () => new Board(null, null));
        }

        [TestMethod]
        public void Readings_round_to_one_decimal()
        {
            Assert.AreEqual(21.5, SensorIds.OneDecimal(21.46));
            Assert.AreEqual(-3.2, SensorIds.OneDecimal(-3.24));
            Assert.AreEqual(1013.3, SensorIds.OneDecimal(1013.25));
        }

        private sealed class ThrowingSensor : ISensor
        {
            public string Name
            {
                get { return "broken"; }
            }

            public int ValueCount
            {
                get { return 1; }
            }

            public string LastError
            {
                get { return null; }
            }

            public bool Read(PropertyReport report)
            {
                throw new InvalidOperationException("bus stuck");
            }
        }
    }
}
