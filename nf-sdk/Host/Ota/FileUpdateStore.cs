using System;
using System.IO;
using IotDevice.Client;
using IotDevice.Ota;

namespace IotDevice.Host.Ota
{
    /// <summary>
    /// IUpdateStore in a folder on the host: <c>firmware.bin</c> and <c>config.bin</c> are the current
    /// files, a download goes to <c>download.part</c> and is moved over the current file (an atomic
    /// rename) only after verification; <c>job.json</c> is the job record, replaced by rename as well.
    /// </summary>
    public sealed class FileUpdateStore : IUpdateStore, IDisposable
    {
        public const string FirmwareFile = "firmware.bin";
        public const string ConfigFile = "config.bin";
        public const string StagingFile = "download.part";
        public const string RecordFile = "job.json";

        private readonly object _sync = new object();
        private readonly string _folder;
        private readonly long _capacity;
        private FileStream _staging;
        private UpdateKind _stagingKind;

        /// <param name="folder">Created when missing.</param>
        /// <param name="capacityBytes">Largest file accepted; -1 for no limit.</param>
        public FileUpdateStore(string folder, long capacityBytes = -1)
        {
            _folder = folder ?? throw new ArgumentNullException(nameof(folder));
            _capacity = capacityBytes;
            Directory.CreateDirectory(folder);
        }

        public string Folder => _folder;

        public string PathOf(string file) => Path.Combine(_folder, file);

        public long GetCapacity(UpdateKind kind) => _capacity;

        public long Begin(UpdateKind kind, long expectedSize, long keepBytes)
        {
            lock (_sync)
            {
                CloseStaging();
                var stream = new FileStream(PathOf(StagingFile), keepBytes > 0 ? FileMode.OpenOrCreate : FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
                long kept = Math.Min(stream.Length, Math.Max(0, keepBytes));
                stream.SetLength(kept);
                stream.Position = kept;
                _staging = stream;
                _stagingKind = kind;
                return kept;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            lock (_sync)
            {
                RequireStaging().Write(buffer, offset, count);
            }
        }

        public int ReadPartial(long position, byte[] buffer, int offset, int count)
        {
            lock (_sync)
            {
                FileStream stream = RequireStaging();
                long end = stream.Position;
                if (position >= end)
                {
                    return 0;
                }

                stream.Position = position;
                int read = stream.Read(buffer, offset, (int)Math.Min(count, end - position));
                stream.Position = end;
                return read;
            }
        }

        public void Close()
        {
            lock (_sync)
            {
                CloseStaging();
            }
        }

        public void Commit()
        {
            lock (_sync)
            {
                RequireStaging();
                CloseStaging();
                File.Move(PathOf(StagingFile), PathOf(FileOf(_stagingKind)), overwrite: true);
            }
        }

        public void Abort()
        {
            lock (_sync)
            {
                CloseStaging();
                File.Delete(PathOf(StagingFile));
            }
        }

        public long GetLength(UpdateKind kind)
        {
            var file = new FileInfo(PathOf(FileOf(kind)));
            return file.Exists ? file.Length : -1;
        }

        public int Read(UpdateKind kind, long position, byte[] buffer, int offset, int count)
        {
            using var stream = new FileStream(PathOf(FileOf(kind)), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (position >= stream.Length)
            {
                return 0;
            }

            stream.Position = position;
            return stream.Read(buffer, offset, count);
        }

        public void Delete(UpdateKind kind) => File.Delete(PathOf(FileOf(kind)));

        public void SaveRecord(byte[] record, int length)
        {
            string temporary = PathOf(RecordFile + ".tmp");
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                stream.Write(record, 0, length);
                stream.Flush(true);
            }

            File.Move(temporary, PathOf(RecordFile), overwrite: true);
        }

        public byte[] LoadRecord()
        {
            string path = PathOf(RecordFile);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }

        public void DeleteRecord() => File.Delete(PathOf(RecordFile));

        public void Dispose() => Close();

        private static string FileOf(UpdateKind kind) => kind == UpdateKind.Config ? ConfigFile : FirmwareFile;

        private FileStream RequireStaging() => _staging ?? throw new InvalidOperationException("no download is being staged");

        private void CloseStaging()
        {
            if (_staging != null)
            {
                _staging.Flush(true);
                _staging.Dispose();
                _staging = null;
            }
        }
    }
}
