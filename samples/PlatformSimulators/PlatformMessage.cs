using System;
using System.Text;
using System.Text.Json;

namespace IotDevice.Platforms
{
    /// <summary>A message as a platform simulator saw it: received from a device, or published to one.</summary>
    public sealed class PlatformMessage
    {
        public PlatformMessage(string topic, byte[] payload, bool retained, bool fromDevice, long atMs)
        {
            AtMs = atMs;
            Topic = topic;
            Payload = payload ?? Array.Empty<byte>();
            Retained = retained;
            FromDevice = fromDevice;
            At = DateTimeOffset.UtcNow;
        }

        public string Topic { get; }

        public byte[] Payload { get; }

        public bool Retained { get; }

        /// <summary>True for what the platform received, false for what it published.</summary>
        public bool FromDevice { get; }

        public DateTimeOffset At { get; }

        /// <summary>Milliseconds since the simulator started (monotonic), for timing checks.</summary>
        public long AtMs { get; }

        public string Text => Encoding.UTF8.GetString(Payload);

        /// <summary>The payload parsed as JSON (a detached copy); throws JsonException when it is not JSON.</summary>
        public JsonElement Json()
        {
            using JsonDocument document = JsonDocument.Parse(Payload);
            return document.RootElement.Clone();
        }

        /// <summary>The payload as JSON, or false when it is empty or not JSON.</summary>
        public bool TryJson(out JsonElement json)
        {
            json = default;
            if (Payload.Length == 0)
            {
                return false;
            }
            try
            {
                json = Json();
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }

    public delegate void PlatformMessageHandler(PlatformMessage message);
}
