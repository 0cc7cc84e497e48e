using System.Collections.Concurrent;
using IotDevice.BrokerHarness;
using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.IntegrationTests.Ota
{
    /// <summary>
    /// A stand-in dialect for the OTA tests against mosquitto, shaped like the real ones: it turns a
    /// JSON push on <c>ota/{id}/push</c> (Alink-like fields: kind, url, size, version, module,
    /// signMethod, sign, id) into an UpdateOffer for the client, and words every ReportUpdate as a
    /// JSON message on <c>ota/{id}/progress</c>: <c>{"id":…,"status":n,"step":p,"desc":…}</c>.
    /// </summary>
    internal sealed class PushDialect : IDeviceDialect
    {
        private readonly MosquittoBroker _broker;
        private readonly JsonWriter _writer = new JsonWriter(256, 4096);
        private IDialectHost _host;

        public PushDialect(MosquittoBroker broker, string deviceId)
        {
            _broker = broker;
            DeviceId = deviceId;
        }

        public string DeviceId { get; }

        public string PushTopic => "ota/" + DeviceId + "/push";

        public string ProgressTopic => "ota/" + DeviceId + "/progress";

        public ConcurrentQueue<UpdateOffer> Offers { get; } = new ConcurrentQueue<UpdateOffer>();

        public void Attach(IDialectHost host) => _host = host;

        public MqttConnectOptions CreateConnectOptions() => new MqttConnectOptions
        {
            Host = _broker.Host,
            Port = _broker.Port,
            ClientId = DeviceId,
            KeepAliveSeconds = 30,
            ConnectTimeoutMs = 2000,
        };

        public string[] GetSubscribeFilters() => new[] { PushTopic };

        public MqttQos GetSubscribeQos() => MqttQos.AtLeastOnce;

        public void Announce()
        {
        }

        public void HandleMessage(string topic, byte[] payload, bool retained)
        {
            JsonElement root = Inbound.ReadJson(_host, topic, payload);
            if (root.Kind != JsonKind.Object)
            {
                return;
            }

            var offer = new UpdateOffer
            {
                Kind = root.Get("kind").ValueEquals("config") ? UpdateKind.Config : UpdateKind.Firmware,
                Url = root.Get("url").GetString(),
                Version = root.Get("version").GetString(),
                Module = root.Get("module").GetString(),
                Digest = root.Get("sign").GetString(),
                ConfigId = root.Get("configId").GetString(),
                CorrelationId = root.Get("id").GetRawText(),
            };
            if (root.Get("size").TryGetInt64(out long size))
            {
                offer.Size = size;
            }

            JsonElement method = root.Get("signMethod");
            offer.DigestMethod = method.ValueEquals("Md5") ? DigestMethod.Md5 : method.ValueEquals("SHA256") ? DigestMethod.Sha256 : method.ValueEquals("16md5") ? DigestMethod.Md5Middle16 : DigestMethod.None;
            Offers.Enqueue(offer);
            _host.OfferUpdate(offer);
        }

        public SendResult ReportUpdate(UpdateOffer offer, UpdateStatus status, int percent, string detail)
        {
            lock (_writer)
            {
                _writer.Reset();
                _writer.BeginObject();
                _writer.WriteName("id");
                byte[] id = System.Text.Encoding.UTF8.GetBytes(offer.CorrelationId ?? "null");
                _writer.WriteRawValue(id, 0, id.Length);
                _writer.WriteNumber("status", (int)status);
                _writer.WriteNumber("step", percent);
                if (detail != null)
                {
                    _writer.WriteString("desc", detail);
                }

                _writer.EndObject();
                return _host.Publish(ProgressTopic, _writer.ToArray(), _writer.Length, MqttQos.AtLeastOnce);
            }
        }

        public SendResult ReportProperties(PropertyReport report, out long id)
        {
            id = _host.NewId();
            return SendResult.Accepted;
        }

        public SendResult ReportEvent(string eventId, PropertyReport parameters, out long id)
        {
            id = _host.NewId();
            return SendResult.Accepted;
        }

        public SendResult RequestTime() => SendResult.NotConnected;

        public void Disconnected()
        {
        }

        public void Stop()
        {
        }
    }
}
