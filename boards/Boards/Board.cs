using System;
using IotDevice.Client;

namespace IotDevice.Boards
{
    /// <summary>
    /// A board at run time: its definition, its status LED and its sensors. <see cref="ReadSensors"/>
    /// fills a report for <see cref="DeviceClient.ReportProperties"/>; a sensor that fails is counted and
    /// skipped, so one broken sensor never stops the others from reporting.
    /// </summary>
    public sealed class Board
    {
        private ISensor[] _sensors = new ISensor[4];
        private int _count;

        public Board(BoardDefinition definition, IStatusLed statusLed)
        {
            if (definition == null)
            {
                throw new ArgumentException("A board needs its definition.");
            }
            Definition = definition;
            StatusLed = statusLed != null ? statusLed : new RememberedLed();
        }

        public BoardDefinition Definition { get; }

        public IStatusLed StatusLed { get; }

        public int SensorCount
        {
            get { return _count; }
        }

        /// <summary>Values one <see cref="ReadSensors"/> can add at most, plus the LED state.</summary>
        public int ValueCount
        {
            get
            {
                int n = 1;
                for (int i = 0; i < _count; i++)
                {
                    n += _sensors[i].ValueCount;
                }
                return n;
            }
        }

        /// <summary>Sensor reads that failed since start.</summary>
        public long FailedReads { get; private set; }

        /// <summary>"name: reason" of the last failed read; null if none failed.</summary>
        public string LastFailure { get; private set; }

        public ISensor SensorAt(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException("index");
            }
            return _sensors[index];
        }

        public Board Add(ISensor sensor)
        {
            if (sensor == null)
            {
                throw new ArgumentException("No sensor given.");
            }
            if (_count == _sensors.Length)
            {
                ISensor[] grown = new ISensor[_count * 2];
                Array.Copy(_sensors, grown, _count);
                _sensors = grown;
            }
            _sensors[_count++] = sensor;
            return this;
        }

        /// <summary>
        /// Adds every sensor's values and the LED state to <paramref name="report"/> (not cleared first).
        /// Returns how many sensors failed. A sensor whose values do not fit is a failure too.
        /// </summary>
        public int ReadSensors(PropertyReport report)
        {
            int failed = 0;
            for (int i = 0; i < _count; i++)
            {
                ISensor sensor = _sensors[i];
                string reason = null;
                try
                {
                    if (report.Count + sensor.ValueCount > report.Capacity)
                    {
                        reason = "the report has no room for its " + sensor.ValueCount.ToString() + " values";
                    }
                    else if (!sensor.Read(report))
                    {
                        reason = sensor.LastError != null ? sensor.LastError : "read failed";
                    }
                }
                catch (Exception e)
                {
                    reason = "read threw: " + e.Message;
                }
                if (reason != null)
                {
                    failed++;
                    FailedReads++;
                    LastFailure = sensor.Name + ": " + reason;
                }
            }
            if (report.Count < report.Capacity)
            {
                report.Add(SensorIds.Led, StatusLed.IsOn);
            }
            return failed;
        }
    }
}
