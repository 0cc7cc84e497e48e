using System;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;
using IotDevice.Transport;

#pragma warning disable NF1015 // only ASCII hex digits are accepted

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// OTA the EZtCloud way (docs/eztcloud.md §7): the device reports its version attribute and polls with
    /// the otaCheck event; the platform answers with the otaUpgrade command. The command is answered at
    /// once (<c>{"accepted":true|false}</c>) and its offer handed to the client. There is no progress
    /// topic: success is the new version attribute, failure an <c>otaResult</c> event. It keeps nothing
    /// of its own (the version is the uplink's, <see cref="EztUplink.FirmwareVersion"/>): no object, as
    /// on the device every object and field is heap.
    /// </summary>
    internal static class EztOta
    {
        /// <summary>The otaCheck event (no outcome: the answer is an otaUpgrade command, or nothing).</summary>
        public static SendResult Check(EztUplink uplink)
        {
            long id;
            return uplink.SendEvent(uplink.OtaCheckMethod, null, false, out id);
        }

        /// <summary>
        /// Downloading and Verified send nothing (no progress topic). Succeeded reports the version
        /// attribute (and makes it the version reported after each connect). A failure publishes
        /// <c>{"method":"otaResult","params":{"status":…,"module":…,"version":…,"detail":…,"id":…}}</c>,
        /// status being failed, downloadFailed, verifyFailed or applyFailed and id the command's id.
        /// </summary>
        public static SendResult ReportUpdate(EztUplink uplink, EztAttributes attributes, UpdateOffer offer, UpdateStatus status, string detail)
        {
            if (offer == null)
            {
                throw new ArgumentException("ReportUpdate needs its offer.");
            }
            IDialectHost host = uplink.Attached();
            if (status == UpdateStatus.Succeeded)
            {
                if (offer.Version == null)
                {
                    host.Write("update succeeded; the offer has no version to report");
                    return SendResult.Accepted;
                }
                AttributeBatch batch = new AttributeBatch();
                lock (uplink.Writer)
                {
                    uplink.FirmwareVersion = offer.Version;
                    attributes.PutText(batch, uplink.VersionAttribute, offer.Version);
                    return attributes.Report(batch);
                }
            }
            string name;
            switch (status)
            {
                case UpdateStatus.Failed: name = "failed"; break;
                case UpdateStatus.DownloadFailed: name = "downloadFailed"; break;
                case UpdateStatus.VerifyFailed: name = "verifyFailed"; break;
                case UpdateStatus.ApplyFailed: name = "applyFailed"; break;
                default: return SendResult.Accepted; // Downloading, Verified: the platform has nowhere to hear it.
            }
            lock (uplink.Writer)
            {
                WriteOtaResult(uplink.Writer, name, offer, detail);
                return uplink.SendReport(TopicKind.EventPost, host.NewId(), false);
            }
        }

        /// <summary>The otaUpgrade command: answered at once, its offer handed on (or NoUpdatePending raised).</summary>
        public static void OnUpgrade(EztUplink uplink, IDialectHost host, string topic, JsonElement method, JsonElement parameters, JsonElement id)
        {
            string problem;
            bool pending;
            UpdateOffer offer = ReadOffer(parameters, id, out pending, out problem);
            if (problem != null)
            {
                Inbound.RejectShape(host, topic, "otaUpgrade: " + problem);
                Reply(uplink, method, id, false, problem);
                return;
            }
            if (!pending)
            {
                host.Write("OTA: no update pending for module '" + offer.Module + "'");
                Reply(uplink, method, id, false, null);
                uplink.Responses.Dialect.RaiseNoUpdate(offer.Module, offer.Version);
                return;
            }
            Reply(uplink, method, id, true, null);
            host.OfferUpdate(offer);
        }

        private static void WriteOtaResult(JsonWriter writer, string status, UpdateOffer offer, string detail)
        {
            writer.Reset();
            writer.BeginObject();
            writer.WriteString("method", EztCloudDialect.OtaResultMethod);
            writer.WriteName("params");
            writer.BeginObject();
            writer.WriteString("status", status);
            if (offer.Module != null)
            {
                writer.WriteString("module", offer.Module);
            }
            if (offer.Version != null)
            {
                writer.WriteString("version", offer.Version);
            }
            if (detail != null)
            {
                writer.WriteString("detail", detail);
            }
            if (offer.CorrelationId != null)
            {
                // As the command had it when it is JSON (ours always is); an app's own id as a string.
                writer.WriteName("id");
                byte[] raw = JsonWriter.Fragment(offer.CorrelationId);
                if (JsonReader.Parse(raw, 0, raw.Length).Exists)
                {
                    writer.WriteRawValue(raw, 0, raw.Length);
                }
                else
                {
                    writer.WriteString(offer.CorrelationId);
                }
            }
            writer.EndObject();
            writer.EndObject();
        }

        // {"method":"otaUpgrade","params":{"accepted":…[,"error":…]},"id":…}
        private static void Reply(EztUplink uplink, JsonElement method, JsonElement id, bool accepted, string error)
        {
            lock (uplink.Writer)
            {
                EztCloudMessages.WriteOtaReply(uplink.Writer, method, id, accepted, error);
                uplink.SendReply();
            }
        }

        // params: module, upgrade, version, url, size, md5 (unknown fields such as command_name are ignored).
        private static UpdateOffer ReadOffer(JsonElement parameters, JsonElement id, out bool pending, out string problem)
        {
            pending = false;
            problem = null;
            if (parameters.Kind != JsonKind.Object)
            {
                problem = "params missing";
                return null;
            }
            UpdateOffer offer = new UpdateOffer();
            offer.Kind = UpdateKind.Firmware;
            offer.Module = EztCloudMessages.Text(parameters.Get("module"));
            offer.Version = EztCloudMessages.Text(parameters.Get("version"));
            offer.CorrelationId = id.Kind == JsonKind.String || id.Kind == JsonKind.Number ? id.GetRawText() : null;
            JsonElement upgrade = parameters.Get("upgrade");
            pending = true;
            if (upgrade.Exists && !upgrade.TryGetBoolean(out pending))
            {
                problem = "upgrade is not a boolean";
                return null;
            }
            if (!pending)
            {
                return offer;
            }
            JsonElement url = parameters.Get("url");
            string text = url.Kind == JsonKind.String ? url.GetString() : null;
            // http(s):// and something after it.
            if (!UrlText.IsHttp(text) || text.IndexOf("://") + 3 == text.Length)
            {
                problem = "url missing or not http(s)";
                return null;
            }
            offer.Url = text;
            JsonElement size = parameters.Get("size");
            long bytes = 0;
            if (size.Exists && (!size.TryGetInt64(out bytes) || bytes < 0))
            {
                problem = "size is not a byte count";
                return null;
            }
            offer.Size = bytes;
            JsonElement md5 = parameters.Get("md5");
            if (md5.Exists)
            {
                string digest = md5.Kind == JsonKind.String ? md5.GetString() : null;
                if (digest == null || !IsHex(digest, 32))
                {
                    problem = "md5 is not 32 hex digits";
                    return null;
                }
                offer.DigestMethod = DigestMethod.Md5;
                offer.Digest = digest;
            }
            return offer;
        }

        private static bool IsHex(string text, int length)
        {
            if (text.Length != length)
            {
                return false;
            }
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
