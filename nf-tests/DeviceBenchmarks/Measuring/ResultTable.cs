using System;
using System.Collections;
using System.Text;

namespace IotDevice.DeviceBenchmarks.Measuring
{
    /// <summary>The one markdown table the app prints at the end, a row per measure.</summary>
    internal sealed class ResultTable
    {
        private const string None = "–";

        private readonly ArrayList _rows = new ArrayList();

        public void Add(string measure, int runs, string sdk, string baseline, string json)
        {
            _rows.Add("| " + measure + " | " + (runs > 0 ? Format.Count(runs) : None) + " | " + sdk + " | "
                + (baseline == null ? None : baseline) + " | " + (json == null ? None : json) + " |");
            // Each row as it is measured, so a run that dies part-way still shows what it measured.
            Console.WriteLine("measured: " + (string)_rows[_rows.Count - 1]);
        }

        public string ToMarkdown()
        {
            StringBuilder text = new StringBuilder();
            text.AppendLine("| measure | runs | SDK | naive baseline, same run | nanoFramework.Json |");
            text.AppendLine("|---|---:|---|---|---|");
            for (int i = 0; i < _rows.Count; i++)
            {
                text.AppendLine((string)_rows[i]);
            }
            return text.ToString();
        }
    }
}
