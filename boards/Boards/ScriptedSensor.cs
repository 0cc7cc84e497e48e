using System;
using IotDevice.Client;

namespace IotDevice.Boards
{
    /// <summary>
    /// A sensor for the host and for tests: each read takes the next step of a script (identifiers ×
    /// values), starting over at the end. A null step is a failed read, so failure handling can be
    /// scripted too.
    /// </summary>
    public sealed class ScriptedSensor : ISensor
    {
        private readonly object _sync = new object();
        private readonly string[] _ids;
        private readonly double[][] _steps;
        private int _next;

        /// <param name="steps">One array of <paramref name="ids"/>.Length values per read; null for a failed read.</param>
        public ScriptedSensor(string name, string[] ids, double[][] steps)
        {
            if (ids == null || ids.Length == 0 || steps == null || steps.Length == 0)
            {
                throw new ArgumentException("A scripted sensor needs identifiers and at least one step.");
            }
            for (int i = 0; i < steps.Length; i++)
            {
                if (steps[i] != null && steps[i].Length != ids.Length)
                {
                    throw new ArgumentException("Step " + i.ToString() + " of '" + name + "' has "
                        + steps[i].Length.ToString() + " values for " + ids.Length.ToString() + " identifiers.");
                }
            }
            Name = name;
            _ids = ids;
            _steps = steps;
        }

        public string Name { get; }

        public int ValueCount
        {
            get { return _ids.Length; }
        }

        public string LastError { get; private set; }

        /// <summary>Reads taken so far.</summary>
        public int Reads { get; private set; }

        public bool Read(PropertyReport report)
        {
            double[] step;
            lock (_sync)
            {
                step = _steps[_next];
                _next = (_next + 1) % _steps.Length;
                Reads++;
            }
            if (step == null)
            {
                LastError = "scripted failure";
                return false;
            }
            for (int i = 0; i < _ids.Length; i++)
            {
                report.Add(_ids[i], step[i]);
            }
            LastError = null;
            return true;
        }
    }
}
