using System;
using System.Text;
using IotDevice.Client;
using IotDevice.Dialects.Alink;
using IotDevice.Json;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.Alink
{
    /// <summary>Uplinks against the golden messages of test-vectors.md §5 and the shapes of docs/alink.md §4.</summary>
    [TestClass]
    public class AlinkEncoderTests
    {
        private static JsonWriter Writer()
        {
            return new JsonWriter(64, 8192);
        }

        [TestMethod]
        public void Property_post_with_time_is_the_golden_message_plus_ack()
        {
            JsonWriter writer = Writer();
            PropertyReport report = new PropertyReport(2).Add("Power", "on").Add("WF", 23.6);
            report.TimestampMs = 1524448722000;
            AlinkEncoder.WritePropertyPost(writer, 123, report);
            string golden = "{\"id\":\"123\",\"version\":\"1.0\",\"params\":{\"Power\":{\"value\":\"on\",\"time\":1524448722000},"
                + "\"WF\":{\"value\":23.6,\"time\":1524448722000}},\"method\":\"thing.event.property.post\"}";
            Assert.Contains("\"version\":\"1.0\",\"sys\":{\"ack\":1},\"params\":", writer.ToString());
            Assert.AreEqual(golden, AlinkDevice.WithoutAck(writer.ToString()));
        }

        [TestMethod]
        public void Property_post_without_time_is_the_short_form_and_doubles_keep_a_decimal()
        {
            JsonWriter writer = Writer();
            AlinkEncoder.WritePropertyPost(writer, 7, new PropertyReport(4).Add("Power", "on").Add("WF", 10.0).Add("Count", 3L).Add("On", true));
            Assert.AreEqual("{\"id\":\"7\",\"version\":\"1.0\",\"sys\":{\"ack\":1},\"params\":{\"Power\":\"on\",\"WF\":10.0,\"Count\":3,\"On\":true},"
                + "\"method\":\"thing.event.property.post\"}", writer.ToString());
        }

        [TestMethod]
        public void Event_post_carries_value_and_time()
        {
            JsonWriter writer = Writer();
            PropertyReport output = new PropertyReport(1).Add("errorCode", "error");
            output.TimestampMs = 1524448722000;
            AlinkEncoder.WriteEventPost(writer, 123, "alarm", output);
            Assert.AreEqual("{\"id\":\"123\",\"version\":\"1.0\",\"params\":{\"value\":{\"errorCode\":\"error\"},\"time\":1524448722000},\"method\":\"thing.event.alarm.post\"}",
                AlinkDevice.WithoutAck(writer.ToString()));
        }

        [TestMethod]
        public void Replies_echo_the_id_text_byte_for_byte()
        {
            JsonWriter writer = Writer();
            byte[] stringId = Encoding.UTF8.GetBytes("\"123\"");
            AlinkEncoder.WriteReply(writer, stringId, 0, stringId.Length, 200, null, null);
            Assert.AreEqual("{\"id\":\"123\",\"code\":200,\"data\":{}}", writer.ToString());

            PropertyReport output = new PropertyReport(2).Add("CollectTime", "1536228947682").Add("OldWeight", 100.101);
            byte[] serviceId = Encoding.UTF8.GetBytes("\"105917531\"");
            AlinkEncoder.WriteReply(writer, serviceId, 0, serviceId.Length, 200, "ignored on success", output);
            Assert.AreEqual("{\"id\":\"105917531\",\"code\":200,\"data\":{\"CollectTime\":\"1536228947682\",\"OldWeight\":100.101}}", writer.ToString());

            byte[] numericId = Encoding.UTF8.GetBytes("123");
            AlinkEncoder.WriteReply(writer, numericId, 0, numericId.Length, 460, "bad value", null);
            Assert.AreEqual("{\"id\":123,\"code\":460,\"data\":{},\"message\":\"bad value\"}", writer.ToString());
        }

        [TestMethod]
        public void Ota_inform_and_progress_are_the_golden_messages()
        {
            JsonWriter writer = Writer();
            AlinkEncoder.WriteOtaInform(writer, 123, "1.0.1", "MCU");
            Assert.AreEqual("{\"id\":\"123\",\"params\":{\"version\":\"1.0.1\",\"module\":\"MCU\"}}", writer.ToString());
            AlinkEncoder.WriteOtaInform(writer, 124, "1.0.1", null);
            Assert.AreEqual("{\"id\":\"124\",\"params\":{\"version\":\"1.0.1\"}}", writer.ToString());
            AlinkEncoder.WriteOtaProgress(writer, 123, -1, "OTA升级失败，请求不到升级包信息。", "MCU");
            Assert.AreEqual("{\"id\":\"123\",\"params\":{\"step\":\"-1\",\"desc\":\"OTA升级失败，请求不到升级包信息。\",\"module\":\"MCU\"}}", writer.ToString());
        }

        [TestMethod]
        public void Progress_steps_follow_the_spec()
        {
            Assert.AreEqual(1, AlinkEncoder.ProgressStep(UpdateStatus.Downloading, 0));
            Assert.AreEqual(50, AlinkEncoder.ProgressStep(UpdateStatus.Downloading, 50));
            Assert.AreEqual(100, AlinkEncoder.ProgressStep(UpdateStatus.Downloading, 130));
            Assert.AreEqual(100, AlinkEncoder.ProgressStep(UpdateStatus.Verified, 0));
            Assert.AreEqual(-1, AlinkEncoder.ProgressStep(UpdateStatus.Failed, 0));
            Assert.AreEqual(-2, AlinkEncoder.ProgressStep(UpdateStatus.DownloadFailed, 0));
            Assert.AreEqual(-3, AlinkEncoder.ProgressStep(UpdateStatus.VerifyFailed, 0));
            Assert.AreEqual(-4, AlinkEncoder.ProgressStep(UpdateStatus.ApplyFailed, 0));
        }

        [TestMethod]
        public void Ntp_firmware_and_config_requests()
        {
            JsonWriter writer = Writer();
            AlinkEncoder.WriteNtpRequest(writer, 100);
            Assert.AreEqual("{\"deviceSendTime\":\"100\"}", writer.ToString());
            AlinkEncoder.WriteFirmwareGet(writer, 123, "MCU");
            Assert.AreEqual("{\"id\":\"123\",\"version\":\"1.0\",\"params\":{\"module\":\"MCU\"},\"method\":\"thing.ota.firmware.get\"}",
                AlinkDevice.WithoutAck(writer.ToString()));
            AlinkEncoder.WriteConfigGet(writer, 123);
            Assert.AreEqual("{\"id\":\"123\",\"version\":\"1.0\",\"params\":{\"configScope\":\"product\",\"getType\":\"file\"},\"method\":\"thing.config.get\"}",
                AlinkDevice.WithoutAck(writer.ToString()));
        }

        [TestMethod]
        public void Deviceinfo_update_and_delete()
        {
            JsonWriter writer = Writer();
            AlinkBulkEncoder.WriteDeviceInfoUpdate(writer, 123, new PropertyReport(1).Add("Temperature", 36.8));
            Assert.AreEqual("{\"id\":\"123\",\"version\":\"1.0\",\"params\":[{\"attrKey\":\"Temperature\",\"attrValue\":\"36.8\"}],\"method\":\"thing.deviceinfo.update\"}",
                AlinkDevice.WithoutAck(writer.ToString()));
            AlinkBulkEncoder.WriteDeviceInfoDelete(writer, 124, new string[] { "Temperature", "_site" });
            Assert.AreEqual("{\"id\":\"124\",\"version\":\"1.0\",\"params\":[{\"attrKey\":\"Temperature\"},{\"attrKey\":\"_site\"}],\"method\":\"thing.deviceinfo.delete\"}",
                AlinkDevice.WithoutAck(writer.ToString()));
            Assert.ThrowsException(typeof(ArgumentException), () => AlinkBulkEncoder.WriteDeviceInfoDelete(writer, 1, new string[] { "9lives" }));
            Assert.ThrowsException(typeof(ArgumentException), () => AlinkBulkEncoder.WriteDeviceInfoDelete(writer, 1, new string[] { "a-b" }));
            Assert.ThrowsException(typeof(ArgumentException), () => AlinkBulkEncoder.WriteDeviceInfoUpdate(writer, 1, new PropertyReport(1)));
        }

        [TestMethod]
        public void Desired_get_and_delete()
        {
            JsonWriter writer = Writer();
            AlinkBulkEncoder.WriteDesiredGet(writer, 123, new string[] { "power", "temperature" });
            Assert.AreEqual("{\"id\":\"123\",\"version\":\"1.0\",\"params\":[\"power\",\"temperature\"],\"method\":\"thing.property.desired.get\"}",
                AlinkDevice.WithoutAck(writer.ToString()));
            AlinkBulkEncoder.WriteDesiredDelete(writer, 124, new string[] { "power", "temperature" });
            Assert.AreEqual("{\"id\":\"124\",\"version\":\"1.0\",\"params\":[{\"power\":{},\"temperature\":{}}],\"method\":\"thing.property.desired.delete\"}",
                AlinkDevice.WithoutAck(writer.ToString()));
        }

        [TestMethod]
        public void Batch_post_groups_samples_by_identifier()
        {
            // The shape of docs/alink.md §4.6 (values as in the spec's example, ack 1 instead of 0).
            PropertyReport first = new PropertyReport(2).Add("Power", "on").Add("WF", 3L);
            first.TimestampMs = 1524448722000;
            PropertyReport second = new PropertyReport(1).Add("Power", "off");
            second.TimestampMs = 1524448722001;
            PropertyReport third = new PropertyReport(1).Add("WF", 4L);
            third.TimestampMs = 1524448722009;
            PropertyReport alarm = new PropertyReport(2).Add("Power", "on").Add("WF", "2");
            alarm.TimestampMs = 1524448722000;
            AlinkBatch batch = new AlinkBatch(4).AddProperties(first).AddProperties(second).AddProperties(third).AddEvent("alarmEvent", alarm);
            JsonWriter writer = Writer();
            AlinkBulkEncoder.WriteBatchPost(writer, 123, batch);
            Assert.AreEqual("{\"id\":\"123\",\"version\":\"1.0\",\"params\":{\"properties\":{"
                + "\"Power\":[{\"value\":\"on\",\"time\":1524448722000},{\"value\":\"off\",\"time\":1524448722001}],"
                + "\"WF\":[{\"value\":3,\"time\":1524448722000},{\"value\":4,\"time\":1524448722009}]},"
                + "\"events\":{\"alarmEvent\":[{\"value\":{\"Power\":\"on\",\"WF\":\"2\"},\"time\":1524448722000}]}},"
                + "\"method\":\"thing.event.property.batch.post\"}", AlinkDevice.WithoutAck(writer.ToString()));
        }

        [TestMethod]
        public void History_post_has_one_block_with_identity_and_needs_times()
        {
            PropertyReport sample = new PropertyReport(2).Add("Power", "on").Add("WF", "3");
            sample.TimestampMs = 1524448722000;
            PropertyReport alarm = new PropertyReport(2).Add("Power", "on").Add("WF", "2");
            alarm.TimestampMs = 1524448722000;
            AlinkBatch batch = new AlinkBatch(2).AddProperties(sample).AddEvent("alarmEvent", alarm);
            JsonWriter writer = Writer();
            AlinkBulkEncoder.WriteHistoryPost(writer, 123, "a1X2bEn****", "example1", batch);
            Assert.AreEqual("{\"id\":\"123\",\"version\":\"1.0\",\"params\":[{\"identity\":{\"productKey\":\"a1X2bEn****\",\"deviceName\":\"example1\"},"
                + "\"properties\":[{\"Power\":{\"value\":\"on\",\"time\":1524448722000},\"WF\":{\"value\":\"3\",\"time\":1524448722000}}],"
                + "\"events\":[{\"alarmEvent\":{\"value\":{\"Power\":\"on\",\"WF\":\"2\"},\"time\":1524448722000}}]}],"
                + "\"method\":\"thing.event.property.history.post\"}", AlinkDevice.WithoutAck(writer.ToString()));
            PropertyReport untimed = new PropertyReport(1).Add("Power", "on");
            Assert.ThrowsException(typeof(ArgumentException), () => AlinkBulkEncoder.WriteHistoryPost(writer, 1, "pk", "dn", new AlinkBatch(1).AddProperties(untimed)));
        }
    }
}
