using IotDevice.Json;

namespace IotDevice.Client
{
    /// <summary>
    /// How a dialect lays out a report's values in its payload: the constant text before the first id,
    /// between an id and its value, between one value and the next id, and after the last value, each
    /// encoded once. <see cref="PropertyReport.WriteItems"/> writes the ids (quoted) and values in
    /// between. The layouts differ by platform (an object of members, FastBee's item array); the loop
    /// that fills them is one.
    /// </summary>
    public sealed class ReportLayout
    {
        /// <summary>
        /// A JSON object of members: <c>{"temperature":27.43,"mode":"auto"}</c>, each value in its
        /// natural type.
        /// </summary>
        public static readonly ReportLayout Object = new ReportLayout("{", ":", ",", "}", false);

        internal readonly byte[] First;
        internal readonly byte[] BeforeValue;
        internal readonly byte[] Between;
        internal readonly byte[] Last;
        internal readonly bool ValuesAsText;

        // Tells the layouts apart in a report's kept heads (ReportHeads), which are bytes alone.
        internal readonly int Number;
        private static int _made; // no initialiser: Object above is made while this class is initialised

        /// <param name="first">Before the first id, e.g. <c>{</c>.</param>
        /// <param name="beforeValue">Between an id and its value, e.g. <c>:</c>.</param>
        /// <param name="between">Between a value and the next id, e.g. <c>,</c>.</param>
        /// <param name="last">After the last value, e.g. <c>}</c>.</param>
        /// <param name="valuesAsText">
        /// Every value as a JSON string, as <see cref="PropertyReport.WriteValueAsText"/> writes it
        /// (numbers in their shortest form, switches as "1" and "0"); otherwise each in its natural type.
        /// </param>
        public ReportLayout(string first, string beforeValue, string between, string last, bool valuesAsText)
        {
            First = JsonWriter.Fragment(first);
            BeforeValue = JsonWriter.Fragment(beforeValue);
            Between = JsonWriter.Fragment(between);
            Last = JsonWriter.Fragment(last);
            ValuesAsText = valuesAsText;
            Number = System.Threading.Interlocked.Increment(ref _made);
        }
    }
}
