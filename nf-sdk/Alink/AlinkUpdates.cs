using System;
using System.Text;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// Updates, both ways: the announcement (version inform, firmware and config queries), offers from
    /// pushes and query replies, and how an offer goes told back to the platform (OTA progress and
    /// inform, the config push_reply at the verdict). Part of the downlinks' object rather than one of
    /// its own (on the device every object is heap); it locks that object for its own state.
    /// </summary>
    internal sealed partial class AlinkDownlinks
    {
        // Config pushes whose push_reply may wait at once: when all wait, the oldest is given up (and
        // logged) rather than growing.
        private const int MaxWaitingPushes = 4;

        // The config pushes whose push_reply waits for the app's verdict, oldest first; made with the first.
        private UpdateOffer[] _pushes;

        /// <summary>After every connect: version inform and firmware query (with a firmware version), config query (if enabled).</summary>
        public void Announce()
        {
            string version = _uplink.FirmwareVersion;
            if (version != null)
            {
                _uplink.LogUnsent("OTA inform", _uplink.Inform(version, _uplink.Module, true));
                _uplink.LogUnsent("firmware query", _uplink.RequestOwn(TopicKind.OtaFirmwareGet, null, null));
            }
            if (_uplink.ConfigOnConnect)
            {
                _uplink.LogUnsent("config query", _uplink.RequestOwn(TopicKind.ConfigGet, null, null));
            }
        }

        // /ota/device/upgrade: {"code":"1000"|200,"data":{…},"id":…,"message":"success"}.
        public void OnOtaPush(string topic, JsonElement root)
        {
            long code;
            bool success = root.Get("message").ValueEquals("success")
                || (root.TryGetInt64("code", out code) && (code == AlinkCodes.Ok || code == AlinkCodes.OtaPushSuccess));
            if (!success)
            {
                RejectShape(topic, "upgrade push without success (message or code 200/1000)");
                return;
            }
            string problem;
            UpdateOffer offer = AlinkOfferParser.ParseFirmware(root.Get("data"), out problem);
            if (offer == null)
            {
                RejectShape(topic, problem);
                return;
            }
            JsonElement id = root.Get("id");
            offer.CorrelationId = Inbound.IdProblem(id) == null ? id.GetRawText() : null;
            _uplink.Host.OfferUpdate(offer);
        }

        /// <summary>A pushed config: offered, and its push_reply waits for ReportUpdate on it.</summary>
        public void OfferPushedConfig(UpdateOffer offer)
        {
            UpdateOffer dropped;
            lock (this)
            {
                if (_pushes == null)
                {
                    _pushes = new UpdateOffer[MaxWaitingPushes];
                }
                dropped = _pushes[_pushes.Length - 1] != null ? _pushes[0] : null;
                if (dropped != null)
                {
                    RemovePush(0);
                }
                _pushes[SlotOf(null)] = offer;
            }
            if (dropped != null)
            {
                _uplink.Host.Write("config push " + dropped.ConfigId + " given up unanswered: newer pushes arrived");
            }
            _uplink.Host.OfferUpdate(offer);
        }

        /// <summary>firmware/get_reply and config/get_reply: <c>"data":{}</c> means nothing pending, a descriptor is an offer.</summary>
        public void OfferFromReply(string topic, JsonElement data, UpdateKind kind, JsonElement idElement)
        {
            if (!data.Exists || (data.Kind == JsonKind.Object && !data.EnumerateObject().MoveNext()))
            {
                return;
            }
            string problem;
            UpdateOffer offer = kind == UpdateKind.Firmware ? AlinkOfferParser.ParseFirmware(data, out problem) : AlinkOfferParser.ParseConfig(data, out problem);
            if (offer == null)
            {
                RejectShape(topic, problem);
                return;
            }
            offer.CorrelationId = idElement.GetRawText();
            _uplink.Host.OfferUpdate(offer);
        }

        /// <summary>
        /// Firmware: Downloading → progress step 1–100; Verified → step 100; Failed/DownloadFailed/
        /// VerifyFailed/ApplyFailed → step −1/−2/−3/−4 with <paramref name="detail"/> as desc; Succeeded →
        /// a version inform with the offer's version (the platform judges success by it), which also
        /// becomes the version informed after later connects. Config: the <c>push_reply</c> of a pushed
        /// config, once, on the verdict (200 for Succeeded — verified and taken by the app — 460
        /// VerifyFailed, 400 other failures); nothing for Downloading or for a config that came from a get.
        /// </summary>
        public SendResult Report(UpdateOffer offer, UpdateStatus status, int percent, string detail)
        {
            if (offer == null)
            {
                throw new ArgumentException("ReportUpdate needs the offer it reports on.");
            }
            if (offer.Kind == UpdateKind.Config)
            {
                return ReportConfig(offer, status, detail);
            }
            if (status == UpdateStatus.Succeeded)
            {
                if (offer.Version == null || offer.Version.Length == 0)
                {
                    throw new ArgumentException("A succeeded update needs the offer's version to inform.");
                }
                if (offer.Module == _uplink.Module)
                {
                    // One reference written whole: readers see the old version or the new one.
                    _uplink.FirmwareVersion = offer.Version;
                }
                return _uplink.Inform(offer.Version, offer.Module, false);
            }
            int step = AlinkEncoder.ProgressStep(status, percent);
            if (step == 0)
            {
                throw new ArgumentException("Unknown update status.");
            }
            return _uplink.Progress(step, detail != null ? detail : UpdateStatusText.Describe(status), offer.Module);
        }

        private SendResult ReportConfig(UpdateOffer offer, UpdateStatus status, string detail)
        {
            // The push_reply is the verdict: it waits until the config is verified AND the app took it
            // (Succeeded), or until it failed; download progress and Verified alone say nothing yet.
            if (status == UpdateStatus.Downloading || status == UpdateStatus.Verified)
            {
                return SendResult.Accepted;
            }
            if (!TakePush(offer))
            {
                _uplink.Host.Write("config " + offer.ConfigId + ": no push waits for an answer (fetched, or already answered)");
                return SendResult.Accepted;
            }
            long code = status == UpdateStatus.Succeeded ? AlinkCodes.Ok
                : status == UpdateStatus.VerifyFailed ? AlinkCodes.InvalidParameters : AlinkCodes.DeviceError;
            byte[] rawId = Encoding.UTF8.GetBytes(offer.CorrelationId);
            return _uplink.Reply(_uplink.Table.Get(TopicKind.ConfigPushReply), rawId, 0, rawId.Length, code,
                detail != null ? detail : UpdateStatusText.Describe(status), null);
        }

        // Removes a waiting push (by reference); false when it was not waiting.
        private bool TakePush(UpdateOffer offer)
        {
            lock (this)
            {
                int at = _pushes == null ? -1 : SlotOf(offer);
                if (at < 0)
                {
                    return false;
                }
                RemovePush(at);
                return true;
            }
        }

        // The slot holding offer (by reference), null for the first free one; −1 when none. Caller holds the lock.
        private int SlotOf(UpdateOffer offer)
        {
            for (int i = 0; i < _pushes.Length; i++)
            {
                if (_pushes[i] == offer)
                {
                    return i;
                }
            }
            return -1;
        }

        // Caller holds the lock.
        private void RemovePush(int at)
        {
            for (int i = at + 1; i < _pushes.Length; i++)
            {
                _pushes[i - 1] = _pushes[i];
            }
            _pushes[_pushes.Length - 1] = null;
        }
    }
}
