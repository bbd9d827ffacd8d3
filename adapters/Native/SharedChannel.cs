using System.Diagnostics;
using System.IO.MemoryMappedFiles;

namespace FfaConformance.Adapters.Native;

/// <summary>
/// The page the harness shares with a host process: a mailbox each way (c/host/protocol.h). A reader spins
/// briefly on the mailbox's sequence number, then sleeps on a futex in slices, checking between slices that
/// the host is alive and the deadline has not passed. Measured on this project's 2-core VM: one call round
/// trip costs about a tenth of what a unix-socket round trip costs (see README, Native target).
/// </summary>
internal sealed unsafe class SharedChannel : IDisposable
{
    private const int Size = Wire.SharedSize;
    private const int ToHost = Wire.ToHostOffset;
    private const int ToHarness = Wire.ToHarnessOffset;
    private const int RecordOffset = Wire.MailboxRecord;
    /// <summary>Spinning only pays when the host runs on another CPU at the same time.</summary>
    private static readonly int Spins = Environment.ProcessorCount > 1 ? 4000 : 0;
    private const int SliceMs = 20;

    private readonly FileStream stream;
    private readonly MemoryMappedFile file;
    private readonly MemoryMappedViewAccessor view;
    private readonly byte* page;
    private uint seen;

    /// <summary>
    /// A page in <paramref name="directory"/> that has no name: the file is removed as soon as it is open, and the
    /// host opens it through this process's descriptor (<see cref="Path"/>, /proc/PID/fd/N), so nothing is left in
    /// /dev/shm whatever happens to either process.
    /// </summary>
    public SharedChannel(string directory)
    {
        var name = System.IO.Path.Combine(directory, $"ffa-{Environment.ProcessId}-{Guid.NewGuid():N}");
        stream = new FileStream(name, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite);
        File.Delete(name);
        stream.SetLength(Size);
        file = MemoryMappedFile.CreateFromFile(stream, null, Size, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: true);
        view = file.CreateViewAccessor(0, Size);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        page = pointer + view.PointerOffset;
        Path = $"/proc/{Environment.ProcessId}/fd/{stream.SafeFileHandle.DangerousGetHandle()}";
    }

    /// <summary>Where the host opens the page: this process's descriptor of it.</summary>
    public string Path { get; }

    public void Send(HostRecord record)
    {
        var mailbox = page + ToHost;
        record.WriteTo(new Span<byte>(mailbox + RecordOffset, HostRecord.Size));
        var sequence = (uint*)(mailbox + Wire.MailboxSequence);
        Interlocked.Exchange(ref *sequence, *sequence + 1);
        if (Volatile.Read(ref *(uint*)(mailbox + Wire.MailboxWaiting)) != 0)
        {
            Futex.WakeOne(sequence);
        }
    }

    /// <summary>
    /// The next record; false when <paramref name="alive"/> turned false or <paramref name="timeout"/> passed first.
    /// The host moves its sequence number on by exactly one per record: any other value means the page was written
    /// over (the transport runs in the host's address space), and <see cref="SharedPageOverwritten"/> says so.
    /// </summary>
    public bool TryReceive(TimeSpan timeout, Func<bool> alive, out HostRecord record)
    {
        var mailbox = page + ToHarness;
        var sequence = (uint*)(mailbox + Wire.MailboxSequence);
        var waiting = (uint*)(mailbox + Wire.MailboxWaiting);
        for (var spin = 0; spin < Spins && Volatile.Read(ref *sequence) == seen; spin++)
        {
            Thread.SpinWait(1);
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Volatile.Read(ref *sequence) == seen)
        {
            if (!alive() || Stopwatch.GetTimestamp() > deadline)
            {
                record = default;
                return false;
            }

            Interlocked.Exchange(ref *waiting, 1);
            if (Volatile.Read(ref *sequence) == seen)
            {
                Futex.WaitWhile(sequence, seen, SliceMs);
            }

            Volatile.Write(ref *waiting, 0);
        }

        var next = Volatile.Read(ref *sequence);
        if (next != unchecked(seen + 1))
        {
            throw new SharedPageOverwritten($"its sequence number went from {seen} to {next} in one record");
        }

        seen = next;
        record = HostRecord.ReadFrom(new ReadOnlySpan<byte>(mailbox + RecordOffset, HostRecord.Size));
        return true;
    }

    public void Dispose()
    {
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        file.Dispose();
        stream.Dispose();
    }
}

/// <summary>Something other than the host's protocol wrote the host's mailbox.</summary>
internal sealed class SharedPageOverwritten(string message) : Exception(message);
