using IotDevice.Json;
using IotDevice.Topics;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// The platform's answer to one of the device's requests (or an <c>/ext/error</c> notice), as the
    /// app sees it in <see cref="AlinkDialect.ReplyReceived"/>.
    /// </summary>
    public sealed class AlinkReply
    {
        internal AlinkReply(TopicKind kind, string method, long id, long code, string message, JsonElement data)
        {
            Kind = kind;
            Method = method;
            Id = id;
            Code = code;
            Message = message;
            Data = data;
        }

        /// <summary>The reply topic's kind (PropertyPostReply, EventPostReply, OtaFirmwareGetReply, ErrorNotice…).</summary>
        public readonly TopicKind Kind;

        /// <summary>The request's method, e.g. <c>thing.event.property.post</c>; null for an error notice.</summary>
        public readonly string Method;

        /// <summary>The request's id (the one its Post… method returned).</summary>
        public readonly long Id;

        /// <summary>200 on success; the platform's error code otherwise (e.g. 6106 too many properties).</summary>
        public readonly long Code;

        /// <summary>The platform's message, when it sent one.</summary>
        public readonly string Message;

        /// <summary>The reply's <c>data</c>; points into the received payload, so read it during the event only.</summary>
        public readonly JsonElement Data;

        public bool Succeeded
        {
            get { return Code == AlinkCodes.Ok; }
        }
    }

    /// <summary>A reply arrived for one of the device's requests.</summary>
    public delegate void AlinkReplyHandler(AlinkReply reply);
}
