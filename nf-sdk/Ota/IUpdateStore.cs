using IotDevice.Client;

namespace IotDevice.Ota
{
    /// <summary>
    /// Where downloads go. A download is written to one partial ("staging") file, which replaces the
    /// kind's current file only on <see cref="Commit"/>, after verification; until then the last good
    /// firmware image or config stays untouched. A small job record, kept beside the files, lets an
    /// interrupted job resume after a restart. One job at a time: there is a single staging file.
    /// Members may throw (disk full, I/O error); the engine turns that into ApplyFailed.
    /// </summary>
    public interface IUpdateStore
    {
        /// <summary>Bytes a file of <paramref name="kind"/> may take; -1 when the store sets no limit.</summary>
        long GetCapacity(UpdateKind kind);

        /// <summary>
        /// Opens the staging file for a download of <paramref name="kind"/>. Its first
        /// <paramref name="keepBytes"/> bytes are kept (a resumed download) and anything after them is
        /// dropped; returns how many bytes it holds now, which is fewer when the file was shorter (0 if
        /// there was none). <paramref name="expectedSize"/> is a hint (0 when unknown), e.g. to reserve space.
        /// </summary>
        long Begin(UpdateKind kind, long expectedSize, long keepBytes);

        /// <summary>Appends to the staging file.</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Reads staged bytes back (to rebuild the digest of a resumed download); returns the count read, 0 at the end.</summary>
        int ReadPartial(long position, byte[] buffer, int offset, int count);

        /// <summary>Flushes and closes the staging file but keeps it, for a job that will resume.</summary>
        void Close();

        /// <summary>The verified staging file becomes the current file of its kind (replacing the old one).</summary>
        void Commit();

        /// <summary>Deletes the staging file: a failed or refused download leaves nothing behind.</summary>
        void Abort();

        /// <summary>Length of the current (committed) file of <paramref name="kind"/>; -1 when there is none.</summary>
        long GetLength(UpdateKind kind);

        /// <summary>Reads the current file of <paramref name="kind"/>; returns the count read, 0 at the end.</summary>
        int Read(UpdateKind kind, long position, byte[] buffer, int offset, int count);

        /// <summary>Deletes the current file of <paramref name="kind"/> (e.g. an image the app has installed).</summary>
        void Delete(UpdateKind kind);

        /// <summary>Replaces the job record (a few hundred bytes of JSON).</summary>
        void SaveRecord(byte[] record, int length);

        /// <summary>The job record, or null when there is none.</summary>
        byte[] LoadRecord();

        void DeleteRecord();
    }
}
