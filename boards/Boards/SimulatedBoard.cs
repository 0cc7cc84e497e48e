namespace IotDevice.Boards
{
    /// <summary>
    /// A board for the host: the real pin map of a known board, an LED that remembers its state, and a
    /// scripted climate sensor (what a BME280 would read over a morning) plus, on the original ESP32, the
    /// internal channels. The virtual device and the tests run on it.
    /// </summary>
    public static class SimulatedBoard
    {
        /// <summary>Temperature °C, humidity %, pressure hPa per read; the fifth read fails, as a loose wire would.</summary>
        public static double[][] ClimateScript()
        {
            return new double[][]
            {
                new double[] { 21.5, 45.0, 1013.2 },
                new double[] { 21.7, 44.6, 1013.1 },
                new double[] { 22.0, 44.1, 1013.1 },
                new double[] { 22.4, 43.5, 1012.9 },
                null,
                new double[] { 22.9, 42.8, 1012.8 },
            };
        }

        public static ScriptedSensor Climate()
        {
            return new ScriptedSensor("BME280 (simulated)",
                new string[] { SensorIds.Temperature, SensorIds.Humidity, SensorIds.Pressure }, ClimateScript());
        }

        /// <summary>Raw internal temperature and Hall readings, as the ESP32's channels 8 and 9 give them.</summary>
        public static ScriptedSensor Internal()
        {
            return new ScriptedSensor("ESP32 internal (simulated)",
                new string[] { SensorIds.ChipTemperature, SensorIds.Hall },
                new double[][] { new double[] { 1850, 12 }, new double[] { 1862, 15 }, new double[] { 1871, 11 } });
        }

        /// <summary>A simulated <paramref name="definition"/> (null: ESP32-DevKitC).</summary>
        public static Board Create(BoardDefinition definition)
        {
            Board board = new Board(definition != null ? definition : KnownBoards.Esp32DevKitC(), new RememberedLed());
            board.Add(Climate());
            if (board.Definition.UsesInternalSensors)
            {
                board.Add(Internal());
            }
            return board;
        }
    }
}
