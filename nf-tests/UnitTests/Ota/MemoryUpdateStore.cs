using System;
using System.IO;
using IotDevice.Client;
using IotDevice.Ota;

namespace IotDevice.UnitTests.Ota
{
    /// <summary>
    /// IUpdateStore in memory, with the same rules as the file stores (staging replaces the current file
    /// only on Commit), a capacity, an injectable write failure, and counts of what happened. One
    /// instance outlives an engine, which is how tests play a restart.
    /// </summary>
    internal sealed class MemoryUpdateStore : IUpdateStore
    {
        private readonly object _sync = new object();
        private byte[] _staging;
        private int _stagedLength;
        private UpdateKind _stagingKind;
        private byte[] _firmware;
        private byte[] _config;
        private byte[] _record;

        public MemoryUpdateStore(long capacity)
        {
            Capacity = capacity;
        }

        public long Capacity;

        /// <summary>Write throws once the staging file would pass this many bytes (-1: never).</summary>
        public long FailWritesAfter = -1;

        public int Commits;

        public int Aborts;

        /// <summary>Bytes the staging file holds, or -1 when there is none (deleted or never made).</summary>
        public long StagedLength
        {
            get
            {
                lock (_sync)
                {
                    return _staging == null ? -1 : _stagedLength;
                }
            }
        }

        public byte[] Firmware
        {
            get { return _firmware; }
            set { _firmware = value; }
        }

        public byte[] Config
        {
            get { return _config; }
            set { _config = value; }
        }

        public byte[] Record
        {
            get { return _record; }
            set { _record = value; }
        }

        public long GetCapacity(UpdateKind kind)
        {
            return Capacity;
        }

        public long Begin(UpdateKind kind, long expectedSize, long keepBytes)
        {
            lock (_sync)
            {
                long kept = 0;
                if (_staging != null && keepBytes > 0)
                {
                    kept = _stagedLength < keepBytes ? _stagedLength : keepBytes;
                }
                else
                {
                    _staging = new byte[1024];
                }

                _stagedLength = (int)kept;
                _stagingKind = kind;
                return kept;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            lock (_sync)
            {
                if (_staging == null)
                {
                    throw new InvalidOperationException("nothing staged");
                }

                if (FailWritesAfter >= 0 && _stagedLength + count > FailWritesAfter)
                {
                    throw new IOException("flash write failed");
                }

                if (_stagedLength + count > _staging.Length)
                {
                    int size = _staging.Length * 2;
                    while (size < _stagedLength + count)
                    {
                        size *= 2;
                    }

                    byte[] larger = new byte[size];
                    Array.Copy(_staging, larger, _stagedLength);
                    _staging = larger;
                }

                Array.Copy(buffer, offset, _staging, _stagedLength, count);
                _stagedLength += count;
            }
        }

        public int ReadPartial(long position, byte[] buffer, int offset, int count)
        {
            lock (_sync)
            {
                if (_staging == null || position >= _stagedLength)
                {
                    return 0;
                }

                int n = _stagedLength - (int)position < count ? _stagedLength - (int)position : count;
                Array.Copy(_staging, (int)position, buffer, offset, n);
                return n;
            }
        }

        public void Close()
        {
            // The staged bytes stay, as a file would.
        }

        public void Commit()
        {
            lock (_sync)
            {
                if (_staging == null)
                {
                    throw new InvalidOperationException("nothing staged");
                }

                byte[] file = new byte[_stagedLength];
                Array.Copy(_staging, file, _stagedLength);
                if (_stagingKind == UpdateKind.Config)
                {
                    _config = file;
                }
                else
                {
                    _firmware = file;
                }

                _staging = null;
                Commits++;
            }
        }

        public void Abort()
        {
            lock (_sync)
            {
                _staging = null;
                Aborts++;
            }
        }

        public long GetLength(UpdateKind kind)
        {
            byte[] file = kind == UpdateKind.Config ? _config : _firmware;
            return file == null ? -1 : file.Length;
        }

        public int Read(UpdateKind kind, long position, byte[] buffer, int offset, int count)
        {
            byte[] file = kind == UpdateKind.Config ? _config : _firmware;
            if (file == null || position >= file.Length)
            {
                return 0;
            }

            int n = file.Length - (int)position < count ? file.Length - (int)position : count;
            Array.Copy(file, (int)position, buffer, offset, n);
            return n;
        }

        public void Delete(UpdateKind kind)
        {
            if (kind == UpdateKind.Config)
            {
                _config = null;
            }
            else
            {
                _firmware = null;
            }
        }

        public void SaveRecord(byte[] record, int length)
        {
            byte[] copy = new byte[length];
            Array.Copy(record, 0, copy, 0, length);
            _record = copy;
        }

        public byte[] LoadRecord()
        {
            return _record;
        }

        public void DeleteRecord()
        {
            _record = null;
        }
    }
}
