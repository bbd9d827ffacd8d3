using System.Buffers.Binary;
using FfaConformance.Abi;

namespace FfaConformance.Adapters.Native;

/// <summary>
/// One message between the harness and the native host process: type, argument, x0–x17, little-endian.
/// The layout is c/host/protocol.h's struct ffa_host_record (<see cref="Wire"/>).
/// </summary>
internal readonly record struct HostRecord(HostMessage Type, uint Argument, ulong[] X)
{
    public const int Size = Wire.HostRecordSize;

    public static HostRecord Command(HostMessage type, uint argument = 0, params ulong[] x) =>
        new(type, argument, Pad(x));

    public void WriteTo(Span<byte> buffer)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, (uint)Type);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer[4..], Argument);
        for (var i = 0; i < RegisterSet.Count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(buffer[(8 + (8 * i))..], X[i]);
        }
    }

    public static HostRecord ReadFrom(ReadOnlySpan<byte> buffer)
    {
        var x = new ulong[RegisterSet.Count];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = BinaryPrimitives.ReadUInt64LittleEndian(buffer[(8 + (8 * i))..]);
        }

        return new((HostMessage)BinaryPrimitives.ReadUInt32LittleEndian(buffer), BinaryPrimitives.ReadUInt32LittleEndian(buffer[4..]), x);
    }

    private static ulong[] Pad(ulong[] x)
    {
        var padded = new ulong[RegisterSet.Count];
        x.CopyTo(padded, 0);
        return padded;
    }
}

/// <summary>Message types of c/host/protocol.h.</summary>
internal enum HostMessage : uint
{
    Begin = Wire.HostBegin,
    Send = Wire.HostSend,
    ExitBootServices = Wire.HostExitBootServices,
    Answer = Wire.HostAnswer,
    Stop = Wire.HostStop,
    Quit = Wire.HostQuit,
    Send2 = Wire.HostSend2,
    Hello = Wire.HostHello,
    Call = Wire.HostCall,
    Returned = Wire.HostReturned,
    Done = Wire.HostDone,
    Stopped = Wire.HostStopped,
    Failed = Wire.HostFailed,
}
