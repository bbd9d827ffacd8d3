using System.Runtime.InteropServices;

namespace FfaConformance.Adapters.Native;

/// <summary>Linux futex wait and wake on a shared (not process-private) word.</summary>
internal static unsafe partial class Futex
{
    private const int Wait = 0;
    private const int Wake = 1;

    private static readonly long Syscall = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 202,
        Architecture.Arm64 => 98,
        var other => throw new PlatformNotSupportedException($"the native adapter's futex call is not mapped for {other}"),
    };

    /// <summary>Sleeps while *<paramref name="address"/> == <paramref name="expected"/>, at most <paramref name="milliseconds"/>.</summary>
    public static void WaitWhile(uint* address, uint expected, int milliseconds)
    {
        var timeout = new Timespec { Seconds = milliseconds / 1000, Nanoseconds = milliseconds % 1000 * 1_000_000L };
        _ = SyscallFutex(Syscall, address, Wait, expected, &timeout, IntPtr.Zero, 0);
    }

    public static void WakeOne(uint* address) => _ = SyscallFutex(Syscall, address, Wake, 1, null, IntPtr.Zero, 0);

    [LibraryImport("libc", EntryPoint = "syscall")]
    private static partial long SyscallFutex(long number, uint* address, int operation, uint value, Timespec* timeout, IntPtr address2, int value3);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
