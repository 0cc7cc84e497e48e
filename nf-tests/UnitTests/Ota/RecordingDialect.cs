using System.Collections;
using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.UnitTests.Ota
{
    /// <summary>One ReportUpdate call as the dialect received it.</summary>
    internal sealed class UpdateReport
    {
        public UpdateOffer Offer;
        public UpdateStatus Status;
        public int Percent;
        public string Detail;
    }

    /// <summary>
    /// A dialect for the OTA tests: connects with fixed options, raises offers the test makes, and
    /// records every ReportUpdate the engine sends through the client.
    /// </summary>
    internal sealed class RecordingDialect : IDeviceDialect
    {
        private readonly ArrayList _reports = new ArrayList();

        public IDialectHost Host;

        public void Attach(IDialectHost host)
        {
            Host = host;
        }

        /// <summary>What a dialect does with a platform push: hand the offer to the client.</summary>
        public void Push(UpdateOffer offer)
        {
            Host.OfferUpdate(offer);
        }

        public UpdateReport[] Reports()
        {
            lock (_reports)
            {
                UpdateReport[] copy = new UpdateReport[_reports.Count];
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = (UpdateReport)_reports[i];
                }

                return copy;
            }
        }

        /// <summary>Reports with <paramref name="status"/>.</summary>
        public int Count(UpdateStatus status)
        {
            int count = 0;
            UpdateReport[] reports = Reports();
            for (int i = 0; i < reports.Length; i++)
            {
                if (reports[i].Status == status)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>The last report, or null.</summary>
        public UpdateReport Last()
        {
            UpdateReport[] reports = Reports();
            return reports.Length == 0 ? null : reports[reports.Length - 1];
        }

        public SendResult ReportUpdate(UpdateOffer offer, UpdateStatus status, int percent, string detail)
        {
            UpdateReport report = new UpdateReport();
            report.Offer = offer;
            report.Status = status;
            report.Percent = percent;
            report.Detail = detail;
            lock (_reports)
            {
                _reports.Add(report);
            }

            return SendResult.Accepted;
        }

        public SendResult ReportProperties(PropertyReport report, out long id)
        {
            id = Host.NewId();
            return SendResult.Accepted;
        }

        public SendResult ReportEvent(string eventId, PropertyReport parameters, out long id)
        {
            id = Host.NewId();
            return SendResult.Accepted;
        }

        public void Disconnected()
        {
        }

        public void Stop()
        {
        }

        public SendResult RequestTime()
        {
            return SendResult.NotConnected;
        }

        public MqttConnectOptions CreateConnectOptions()
        {
            MqttConnectOptions options = new MqttConnectOptions();
            options.Host = "broker.test";
            options.ClientId = "ota-device";
            return options;
        }

        public string[] GetSubscribeFilters()
        {
            return new string[] { "ota/ota-device" };
        }

        public MqttQos GetSubscribeQos()
        {
            return MqttQos.AtLeastOnce;
        }

        public void Announce()
        {
        }

        public void HandleMessage(string topic, byte[] payload, bool retained)
        {
        }
    }
}
