using System;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;
using IotDevice.Transport;

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// Everything the device sends goes through here: one writer and one lock, shared by the roles, and
    /// the rule for which message gets an outcome. A report the app holds an id for is tracked — with
    /// <see cref="EztCloudResponsesEnabled"/> the platform's response completes it, otherwise the
    /// PUBACK (QoS 1) or the send (QoS 0) does; what the dialect sends on its own (version, otaCheck,
    /// otaResult, push confirmations) is published untracked. Both take a place in the response queue.
    /// </summary>
    internal sealed partial class EztUplink
    {
        // Largest message the dialect writes; larger ones are refused as TooLarge.
        public const int MaxMessageBytes = 8 * 1024;

        // The writer's first buffer: command replies, the OTA check, and an attribute report of six values
        // (about 100 bytes with the writer's margin); a larger message grows it, once.
        private const int FirstBufferBytes = 128;

        /// <summary>
        /// The one message being written, and the uplink's lock: held while it is written and sent, and while
        /// the response queues change (the writer rather than an object of its own: on the device every
        /// object is heap).
        /// </summary>
        public readonly JsonWriter Writer = new JsonWriter(FirstBufferBytes, MaxMessageBytes);

        public readonly TopicTable Topics;

        public readonly EztResponses Responses;

        public IDialectHost Host;

        /// <summary>The client's host; throws when the dialect was not given to a DeviceClient yet (give it one before using it).</summary>
        public IDialectHost Attached()
        {
            IDialectHost host = Host;
            if (host == null)
            {
                throw new InvalidOperationException("The dialect has no DeviceClient yet.");
            }
            return host;
        }

        /// <summary>
        /// Sends the attribute or event report in <see cref="Writer"/> (<paramref name="kind"/> PropertyPost
        /// or EventPost) under <paramref name="id"/>; <paramref name="tracked"/> when the app got that id.
        /// Call with the lock (<see cref="Writer"/>) held.
        /// </summary>
        public SendResult SendReport(TopicKind kind, long id, bool tracked)
        {
            bool attributes = kind == TopicKind.PropertyPost;
            if (!Fits(attributes ? "attribute report" : "event"))
            {
                return SendResult.TooLarge;
            }
            IDialectHost host = Host;
            string topic = Topics.Get(kind);
            // Queued first: a QoS 0 outcome is raised during the send, and a report made from its
            // handler must not overtake this one in the queue.
            Responses.Sent(attributes, id, host.Clock.NowMs);
            byte[] buffer = Writer.Buffer;
            int length = Writer.Length;
            SendResult result = !tracked ? host.Publish(topic, buffer, length, PublishQos)
                : ResponsesEnabled
                    ? host.SendRequest(topic, buffer, length, PublishQos,
                        (int)(attributes ? TopicKind.PropertyPostReply : TopicKind.EventPostReply), id, id)
                    : host.SendReport(topic, buffer, length, PublishQos, id);
            if (result != SendResult.Accepted)
            {
                Responses.Unsent(attributes);
            }
            return result;
        }

        /// <summary>
        /// Publishes the event <c>{"method":…,"params":{…}}</c> under a new <paramref name="id"/>, as
        /// <see cref="SendReport"/> does; <paramref name="tracked"/> when the app gets that id.
        /// </summary>
        public SendResult SendEvent(string method, PropertyReport parameters, bool tracked, out long id)
        {
            IDialectHost host = Attached();
            lock (Writer)
            {
                EztCloudMessages.WriteEvent(Writer, method, parameters);
                id = host.NewId();
                return SendReport(TopicKind.EventPost, id, tracked);
            }
        }

        /// <summary>Publishes the command reply in <see cref="Writer"/>. Call with the lock (<see cref="Writer"/>) held.</summary>
        public SendResult SendReply()
        {
            if (!Fits("command reply"))
            {
                return SendResult.TooLarge;
            }
            return Host.Publish(Topics.Get(TopicKind.CommandReply), Writer.Buffer, Writer.Length, PublishQos);
        }

        /// <summary>True when the writer holds a whole message; otherwise says so in the log.</summary>
        public bool Fits(string what)
        {
            if (Writer.Overflowed)
            {
                Host.Write(what + " not sent: larger than " + MaxMessageBytes.ToString() + " bytes");
                return false;
            }
            return true;
        }
    }
}
