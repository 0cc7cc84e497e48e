namespace IotDevice.Transport
{
    /// <summary>How an HTTP GET ended.</summary>
    public enum HttpOutcome
    {
        /// <summary>A response arrived and its body was read to the end (any status; see the sink's OnResponse).</summary>
        Completed = 0,

        /// <summary>DNS, connect, TLS or a read failed; the body may be partial (resume with a range).</summary>
        NetworkError = 1,

        /// <summary>No byte arrived for the stall timeout.</summary>
        Stalled = 2,

        /// <summary>The sink asked to stop.</summary>
        Aborted = 3,

        /// <summary>The URL is not one the transport can fetch (scheme, syntax).</summary>
        InvalidUrl = 4,
    }

    /// <summary>Receives a response as it streams in, so a firmware image never has to fit in RAM.</summary>
    public interface IHttpBodySink
    {
        /// <summary>
        /// The status line and headers are in. <paramref name="contentLength"/> is -1 when unknown;
        /// <paramref name="location"/> is the Location header (redirects) or null. Return false to stop.
        /// </summary>
        bool OnResponse(int statusCode, long contentLength, string location);

        /// <summary>The next piece of the body; return false to stop.</summary>
        bool OnData(byte[] buffer, int offset, int count);
    }

    /// <summary>
    /// The seam for plain HTTP(S) GETs: firmware and config downloads, FastBee's HTTP time. Redirects are
    /// not followed here (the caller decides, with a bound); a non-negative <c>rangeStart</c> asks for the
    /// body from that byte (HTTP Range), to resume a download after a dropped connection.
    /// </summary>
    public interface IHttpTransport
    {
        /// <summary>Why the last request failed; never contains credentials or query secrets.</summary>
        string LastError { get; }

        HttpOutcome Get(string url, long rangeStart, IHttpBodySink sink, int stallTimeoutMs);
    }
}
