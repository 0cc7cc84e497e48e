using System;
using IotDevice.Client;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Dialects.Alink
{
    /// <summary>The Alink requests beyond IDeviceDialect: batch and history posts, tags, desired values, firmware and config queries.</summary>
    public sealed partial class AlinkDialect
    {
        /// <summary>Posts several samples per property and event at once (<c>batch/post</c>).</summary>
        public SendResult PostBatch(AlinkBatch batch, out long id)
        {
            RequireSamples(batch);
            lock (_sendSync)
            {
                id = _ids.Next();
                AlinkBulkEncoder.WriteBatchPost(_writer, id, batch);
                return SendTracked(_table.Get(TopicKind.PropertyBatchPost), TopicKind.PropertyBatchPostReply, AlinkEncoder.BatchPostMethod, id);
            }
        }

        /// <summary>Posts stored samples, each with its time (<c>history/post</c>).</summary>
        public SendResult PostHistory(AlinkBatch batch, out long id)
        {
            RequireSamples(batch);
            batch.RequireTimes();
            lock (_sendSync)
            {
                id = _ids.Next();
                AlinkBulkEncoder.WriteHistoryPost(_writer, id, _options.ProductKey, _options.DeviceName, batch);
                return SendTracked(_table.Get(TopicKind.PropertyHistoryPost), TopicKind.PropertyHistoryPostReply, AlinkEncoder.HistoryPostMethod, id);
            }
        }

        /// <summary>Sets device tags (<c>deviceinfo/update</c>); values are sent as text.</summary>
        public SendResult UpdateDeviceInfo(PropertyReport tags, out long id)
        {
            lock (_sendSync)
            {
                id = _ids.Next();
                AlinkBulkEncoder.WriteDeviceInfoUpdate(_writer, id, tags);
                return SendTracked(_table.Get(TopicKind.DeviceInfoPost), TopicKind.DeviceInfoPostReply, AlinkEncoder.DeviceInfoUpdateMethod, id);
            }
        }

        /// <summary>Removes device tags (<c>deviceinfo/delete</c>).</summary>
        public SendResult DeleteDeviceInfo(string[] keys, out long id)
        {
            lock (_sendSync)
            {
                id = _ids.Next();
                AlinkBulkEncoder.WriteDeviceInfoDelete(_writer, id, keys);
                return SendTracked(_table.Get(TopicKind.DeviceInfoDelete), TopicKind.DeviceInfoDeleteReply, AlinkEncoder.DeviceInfoDeleteMethod, id);
            }
        }

        /// <summary>Asks for the desired values of <paramref name="identifiers"/>; they come in the reply's Data.</summary>
        public SendResult GetDesired(string[] identifiers, out long id)
        {
            lock (_sendSync)
            {
                id = _ids.Next();
                AlinkBulkEncoder.WriteDesiredGet(_writer, id, identifiers);
                return SendTracked(_table.Get(TopicKind.PropertyGet), TopicKind.PropertyGetReply, AlinkEncoder.DesiredGetMethod, id);
            }
        }

        /// <summary>Clears the desired values of <paramref name="identifiers"/>.</summary>
        public SendResult DeleteDesired(string[] identifiers, out long id)
        {
            lock (_sendSync)
            {
                id = _ids.Next();
                AlinkBulkEncoder.WriteDesiredDelete(_writer, id, identifiers);
                return SendTracked(_table.Get(TopicKind.DesiredDelete), TopicKind.DesiredDeleteReply, AlinkEncoder.DesiredDeleteMethod, id);
            }
        }

        /// <summary>Asks for a pending firmware update of <see cref="AlinkOptions.Module"/>; one comes as an UpdateOffered.</summary>
        public SendResult GetFirmware(out long id)
        {
            lock (_sendSync)
            {
                id = _ids.Next();
                AlinkEncoder.WriteFirmwareGet(_writer, id, _options.Module);
                return SendTracked(_table.Get(TopicKind.OtaFirmwareGet), TopicKind.OtaFirmwareGetReply, AlinkEncoder.FirmwareGetMethod, id);
            }
        }

        /// <summary>Asks for the product's remote configuration; it comes as an UpdateOffered of kind Config.</summary>
        public SendResult GetConfig(out long id)
        {
            lock (_sendSync)
            {
                id = _ids.Next();
                AlinkEncoder.WriteConfigGet(_writer, id);
                return SendTracked(_table.Get(TopicKind.ConfigGet), TopicKind.ConfigGetReply, AlinkEncoder.ConfigGetMethod, id);
            }
        }

        private static void RequireSamples(AlinkBatch batch)
        {
            if (batch == null || batch.PropertyCount + batch.EventCount == 0)
            {
                throw new ArgumentException("A batch or history post needs at least one sample.");
            }
        }
    }
}
