using System;
using System.Text;
using IotDevice.Client;
using IotDevice.DeviceBenchmarks.Dialects;
using IotDevice.Json;

namespace IotDevice.DeviceBenchmarks.Reports
{
    /// <summary>
    /// Encoding a six-value property report into the bytes a publish sends: the SDK's writer, kept and
    /// reused as the dialects keep theirs, against concatenating the text and encoding it as UTF-8.
    /// </summary>
    internal sealed class EncodeReport
    {
        private readonly DialectBench _dialect;
        private readonly Sample _sample = new Sample();
        private readonly PropertyReport _report = new PropertyReport(8);
        private readonly JsonWriter _writer = new JsonWriter(512, 4096);
        private byte[] _payload;

        public EncodeReport(DialectBench dialect)
        {
            _dialect = dialect;
            _sample.Fill(_report);
            WithWriter();
            string written = Encoding.UTF8.GetString(_writer.Buffer, 0, _writer.Length);
            string concatenated = dialect.Concatenate(_sample);
            if (written != concatenated)
            {
                throw new InvalidOperationException(dialect.Name + " payloads differ: the SDK writes " + written + ", concatenation gives " + concatenated);
            }
        }

        public void WithWriter()
        {
            _dialect.Encode(_writer, _report);
        }

        public void WithConcatenation()
        {
            _payload = Encoding.UTF8.GetBytes(_dialect.Concatenate(_sample));
        }
    }
}
