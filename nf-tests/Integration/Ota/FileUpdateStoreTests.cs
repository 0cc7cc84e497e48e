using System;
using System.IO;
using System.Text;
using IotDevice.Client;
using IotDevice.Host.Ota;
using IotDevice.IntegrationTests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Ota
{
    /// <summary>The host file store: a download is staged in a temp file and replaces the current one only on commit.</summary>
    [TestClass]
    public class FileUpdateStoreTests
    {
        private string _folder;

        [TestInitialize]
        public void MakeFolder() => _folder = Path.Combine(Path.GetTempPath(), TestClients.Unique("ota-files"));

        [TestCleanup]
        public void RemoveFolder()
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, true);
            }
        }

        private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

        private string Current(string name) => Path.Combine(_folder, name);

        [TestMethod]
        public void A_staged_file_replaces_the_current_one_only_on_commit()
        {
            using var store = new FileUpdateStore(_folder);
            File.WriteAllBytes(Current(FileUpdateStore.FirmwareFile), Bytes("old image"));

            Assert.AreEqual(0, store.Begin(UpdateKind.Firmware, 9, 0));
            store.Write(Bytes("new "), 0, 4);
            store.Write(Bytes("image"), 0, 5);
            CollectionAssert.AreEqual(Bytes("old image"), File.ReadAllBytes(Current(FileUpdateStore.FirmwareFile)), "untouched until commit");

            store.Commit();
            CollectionAssert.AreEqual(Bytes("new image"), File.ReadAllBytes(Current(FileUpdateStore.FirmwareFile)));
            Assert.IsFalse(File.Exists(Current(FileUpdateStore.StagingFile)));
            Assert.AreEqual(9, store.GetLength(UpdateKind.Firmware));
            var piece = new byte[5];
            Assert.AreEqual(5, store.Read(UpdateKind.Firmware, 4, piece, 0, 5));
            CollectionAssert.AreEqual(Bytes("image"), piece);
            Assert.AreEqual(0, store.Read(UpdateKind.Firmware, 9, piece, 0, 5));
        }

        [TestMethod]
        public void Abort_deletes_the_staged_file_and_keeps_the_current_one()
        {
            using var store = new FileUpdateStore(_folder);
            File.WriteAllBytes(Current(FileUpdateStore.ConfigFile), Bytes("{\"a\":1}"));
            store.Begin(UpdateKind.Config, 7, 0);
            store.Write(Bytes("{\"a\":2}"), 0, 7);
            store.Abort();
            Assert.IsFalse(File.Exists(Current(FileUpdateStore.StagingFile)));
            CollectionAssert.AreEqual(Bytes("{\"a\":1}"), File.ReadAllBytes(Current(FileUpdateStore.ConfigFile)));
            Assert.AreEqual(-1, store.GetLength(UpdateKind.Firmware));
        }

        [TestMethod]
        public void A_resumed_stage_keeps_the_bytes_asked_for_and_reads_them_back()
        {
            using (var first = new FileUpdateStore(_folder))
            {
                first.Begin(UpdateKind.Firmware, 10, 0);
                first.Write(Bytes("0123456789"), 0, 10);
                first.Close();
            }

            using var store = new FileUpdateStore(_folder);
            Assert.AreEqual(6, store.Begin(UpdateKind.Firmware, 10, 6), "bytes after the record's count are dropped");
            var back = new byte[6];
            Assert.AreEqual(6, store.ReadPartial(0, back, 0, 6));
            CollectionAssert.AreEqual(Bytes("012345"), back);
            store.Write(Bytes("xyzw"), 0, 4);
            store.Commit();
            CollectionAssert.AreEqual(Bytes("012345xyzw"), File.ReadAllBytes(Current(FileUpdateStore.FirmwareFile)));

            Assert.AreEqual(0, store.Begin(UpdateKind.Firmware, 0, 100), "no staged file: nothing to keep");
            store.Abort();
        }

        [TestMethod]
        public void The_job_record_is_replaced_whole_and_can_be_deleted()
        {
            using var store = new FileUpdateStore(_folder);
            Assert.IsNull(store.LoadRecord());
            byte[] buffer = Bytes("{\"state\":\"pending\"}xxxx");
            store.SaveRecord(buffer, buffer.Length - 4);
            CollectionAssert.AreEqual(Bytes("{\"state\":\"pending\"}"), store.LoadRecord());
            store.SaveRecord(Bytes("{}"), 2);
            CollectionAssert.AreEqual(Bytes("{}"), store.LoadRecord());
            store.DeleteRecord();
            Assert.IsNull(store.LoadRecord());
        }

        [TestMethod]
        public void Writing_without_a_stage_is_a_clear_error()
        {
            using var store = new FileUpdateStore(_folder, 1000);
            Assert.AreEqual(1000, store.GetCapacity(UpdateKind.Firmware));
            Assert.ThrowsExactly<InvalidOperationException>(() => store.Write(new byte[1], 0, 1));
            Assert.ThrowsExactly<InvalidOperationException>(() => store.Commit());
        }
    }
}
