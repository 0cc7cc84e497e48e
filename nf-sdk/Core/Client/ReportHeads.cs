using System;
using IotDevice.Json;

namespace IotDevice.Client
{
    /// <summary>
    /// A report's ids as written in one layout, each quoted (and escaped) with the text the layout puts
    /// before and after it, one after another in one array: head i ends at Ends[i]. Never changed once
    /// made, so a writer reading it sees one whole set even while another thread makes the next.
    /// </summary>
    internal sealed class ReportHeads
    {
        public readonly byte[] Bytes;
        public readonly int[] Ends;
        public readonly int Count;
        public readonly ReportLayout Layout;

        /// <summary>The heads of ids[0 .. count) in <paramref name="layout"/>.</summary>
        public ReportHeads(string[] ids, int count, ReportLayout layout)
        {
            byte[] beforeValue = layout.BeforeValue;
            int size = 0;
            for (int i = 0; i < count; i++)
            {
                size += (i == 0 ? layout.First : layout.Between).Length + JsonText.QuotedLength(ids[i]) + beforeValue.Length;
            }
            Bytes = new byte[size];
            Ends = new int[count];
            int pos = 0;
            for (int i = 0; i < count; i++)
            {
                byte[] lead = i == 0 ? layout.First : layout.Between;
                Array.Copy(lead, 0, Bytes, pos, lead.Length);
                pos = JsonText.WriteQuoted(ids[i], Bytes, pos + lead.Length);
                Array.Copy(beforeValue, 0, Bytes, pos, beforeValue.Length);
                pos += beforeValue.Length;
                Ends[i] = pos;
            }
            Count = count;
            Layout = layout;
        }
    }
}
