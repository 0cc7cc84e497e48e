using System;
using System.IO;
using IotDevice.Client;
using IotDevice.Ota;

namespace IotDevice.Ota.Device
{
    /// <summary>
    /// IUpdateStore on the board's file system (nanoFramework.System.IO.FileSystem; the ESP32's internal
    /// flash drive is usually <c>I:\</c>, an SD card <c>D:\</c>). Files in <c>folder</c>:
    /// <c>firmware.bin</c> and <c>config.bin</c> (the current files), <c>download.part</c> (the download
    /// being staged) and <c>job.json</c> (the job record).
    /// <para>
    /// This only stores: in-field update is not in the stable ESP32 firmware, so nothing here flashes
    /// the device. The engine hands the verified image to the app's installer.
    /// </para>
    /// <para>
    /// The file system has no rename-over, so a commit moves the current file aside (<c>.old</c>), moves
    /// the staged file in, then deletes the old one; the constructor finishes a commit or a record
    /// update a power cut interrupted, so the last good file is never lost. The file system reports no
    /// free space, so the capacities are the app's to give (leave room for the staged copy and the old
    /// file during a commit).
    /// </para>
    /// </summary>
    public sealed class FlashUpdateStore : IUpdateStore
    {
        private const string FirmwareFile = "firmware.bin";
        private const string ConfigFile = "config.bin";
        private const string StagingFile = "download.part";
        private const string RecordFile = "job.json";
        private const string OldSuffix = ".old";
        private const string NewSuffix = ".new";

        private readonly object _sync = new object();
        private readonly string _folder;
        private readonly long _firmwareCapacity;
        private readonly long _configCapacity;
        private FileStream _staging;
        private UpdateKind _stagingKind;

        /// <param name="folder">For example <c>I:\ota</c>; created when missing.</param>
        /// <param name="firmwareCapacity">Largest firmware image accepted, in bytes (-1: no limit).</param>
        /// <param name="configCapacity">Largest config accepted, in bytes (-1: no limit).</param>
        public FlashUpdateStore(string folder, long firmwareCapacity, long configCapacity)
        {
            if (folder == null || folder.Length == 0)
            {
                throw new ArgumentException("The update store needs a folder.");
            }

            _folder = folder;
            _firmwareCapacity = firmwareCapacity;
            _configCapacity = configCapacity;
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
            }

            FinishReplace(PathOf(FirmwareFile), OldSuffix);
            FinishReplace(PathOf(ConfigFile), OldSuffix);
            FinishReplace(PathOf(RecordFile), NewSuffix);
        }

        public long GetCapacity(UpdateKind kind)
        {
            return kind == UpdateKind.Config ? _configCapacity : _firmwareCapacity;
        }

        public long Begin(UpdateKind kind, long expectedSize, long keepBytes)
        {
            lock (_sync)
            {
                CloseStaging();
                string path = PathOf(StagingFile);
                FileStream stream;
                long kept = 0;
                if (keepBytes > 0 && File.Exists(path))
                {
                    stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
                    kept = stream.Length < keepBytes ? stream.Length : keepBytes;
                    if (stream.Length > kept)
                    {
                        stream.SetLength(kept);
                    }

                    stream.Seek(kept, SeekOrigin.Begin);
                }
                else
                {
                    stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
                }

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

                if (count > end - position)
                {
                    count = (int)(end - position);
                }

                stream.Seek(position, SeekOrigin.Begin);
                int read = stream.Read(buffer, offset, count);
                stream.Seek(end, SeekOrigin.Begin);
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
                // The staged file becomes the current one; the old one is kept aside until the move is done.
                string target = PathOf(_stagingKind);
                string aside = target + OldSuffix;
                DeleteIfExists(aside);
                if (File.Exists(target))
                {
                    File.Move(target, aside);
                }

                File.Move(PathOf(StagingFile), target);
                DeleteIfExists(aside);
            }
        }

        public void Abort()
        {
            lock (_sync)
            {
                CloseStaging();
                DeleteIfExists(PathOf(StagingFile));
            }
        }

        public long GetLength(UpdateKind kind)
        {
            string path = PathOf(kind);
            if (!File.Exists(path))
            {
                return -1;
            }

            return new FileInfo(path).Length;
        }

        public int Read(UpdateKind kind, long position, byte[] buffer, int offset, int count)
        {
            FileStream stream = new FileStream(PathOf(kind), FileMode.Open, FileAccess.Read);
            try
            {
                if (position >= stream.Length)
                {
                    return 0;
                }

                stream.Seek(position, SeekOrigin.Begin);
                return stream.Read(buffer, offset, count);
            }
            finally
            {
                stream.Dispose();
            }
        }

        public void Delete(UpdateKind kind)
        {
            DeleteIfExists(PathOf(kind));
        }

        public void SaveRecord(byte[] record, int length)
        {
            lock (_sync)
            {
                string path = PathOf(RecordFile);
                string fresh = path + NewSuffix;
                FileStream stream = new FileStream(fresh, FileMode.Create, FileAccess.Write);
                try
                {
                    stream.Write(record, 0, length);
                    stream.Flush();
                }
                finally
                {
                    stream.Dispose();
                }

                DeleteIfExists(path);
                File.Move(fresh, path);
            }
        }

        public byte[] LoadRecord()
        {
            string path = PathOf(RecordFile);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }

        public void DeleteRecord()
        {
            lock (_sync)
            {
                DeleteIfExists(PathOf(RecordFile));
            }
        }

        private string PathOf(string file)
        {
            return Path.Combine(_folder, file);
        }

        private string PathOf(UpdateKind kind)
        {
            return PathOf(kind == UpdateKind.Config ? ConfigFile : FirmwareFile);
        }

        private FileStream RequireStaging()
        {
            if (_staging == null)
            {
                throw new InvalidOperationException("no download is being staged");
            }

            return _staging;
        }

        private void CloseStaging()
        {
            if (_staging != null)
            {
                _staging.Flush();
                _staging.Dispose();
                _staging = null;
            }
        }

        /// <summary>
        /// Completes a replacement a power cut interrupted: for ".old" (a commit) the old file comes back
        /// when the new one never arrived; for ".new" (a record) the written new file is moved in.
        /// </summary>
        private static void FinishReplace(string target, string suffix)
        {
            string other = target + suffix;
            if (!File.Exists(other))
            {
                return;
            }

            if (File.Exists(target))
            {
                File.Delete(other);
            }
            else
            {
                File.Move(other, target);
            }
        }

        private static void DeleteIfExists(string path)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
