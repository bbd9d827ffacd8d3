using System.Buffers.Binary;
using System.Text;
using FfaConformance.Abi;

namespace FfaConformance.Adapters.Linux.Companion;

/// <summary>
/// An event the companion's device returns on a board (c/linux/ffa_conformance.h, CONF_EV_*), decoded from its
/// frame with the offsets of <see cref="Wire"/>: the only place that reads one.
/// </summary>
internal abstract record CompanionEvent(uint Kind)
{
    /// <summary>The event a frame holds; <see cref="InvalidDataException"/> when its size is not the one its kind has.</summary>
    public static CompanionEvent Decode(byte[] frame)
    {
        var kind = frame.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(Wire.CompanionEventKind)) : 0;
        var size = kind switch
        {
            Wire.CompanionEventHello => Wire.CompanionHelloSize,
            Wire.CompanionEventCall or Wire.CompanionEventObserved or Wire.CompanionEventPing => Wire.CompanionEventSize,
            Wire.CompanionEventDone => Wire.CompanionDoneSize,
            Wire.CompanionEventFault => Wire.CompanionFaultEventSize,
            _ => -1,
        };
        if (frame.Length != size)
        {
            throw new InvalidDataException($"the companion sent an event of {frame.Length} bytes that is none it sends (kind {kind})");
        }

        var bytes = frame.AsSpan();
        return kind switch
        {
            Wire.CompanionEventHello => CompanionHello.Decode(bytes),
            Wire.CompanionEventCall or Wire.CompanionEventObserved => new CompanionCall(
                kind,
                U32(bytes, Wire.CompanionEventId),
                (int)U32(bytes, Wire.CompanionEventStep),
                U32(bytes, Wire.CompanionEventConduit) == Wire.CompanionConduitHvc ? ConduitKind.Hvc : ConduitKind.Smc,
                Registers(bytes, Wire.CompanionEventArgs),
                kind == Wire.CompanionEventObserved ? Registers(bytes, Wire.CompanionEventRes) : null),
            Wire.CompanionEventPing => new CompanionPing(
                (int)BinaryPrimitives.ReadInt64LittleEndian(bytes[Wire.CompanionEventArgs..]),
                (ushort)BinaryPrimitives.ReadUInt64LittleEndian(bytes[(Wire.CompanionEventArgs + 8)..])),
            Wire.CompanionEventDone => new CompanionDone(
                U32(bytes, Wire.CompanionDoneId), (int)U32(bytes, Wire.CompanionDoneCompleted), bytes[Wire.CompanionDoneResults..].ToArray()),
            _ => new CompanionFault(Text(bytes[Wire.CompanionFaultEventText..])),
        };
    }

    private protected static uint U32(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);

    private static RegisterSet Registers(ReadOnlySpan<byte> bytes, int offset)
    {
        var registers = new ulong[Wire.CompanionRegisters];
        for (var i = 0; i < registers.Length; i++)
        {
            registers[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(offset + (8 * i))..]);
        }

        return RegisterSet.From(registers);
    }

    private static string Text(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? text : text[..end]);
    }
}

/// <summary>The case's thread called the conduit (CONF_EV_CALL: answer it), or the secure world answered it (CONF_EV_OBSERVED, with <see cref="Result"/>).</summary>
internal sealed record CompanionCall(uint Kind, uint Id, int Step, ConduitKind Conduit, RegisterSet Issued, RegisterSet? Result) : CompanionEvent(Kind);

/// <summary>A call of the agent's own task passed through while a case's call was held: the driver's return value and the partition ID it found.</summary>
internal sealed record CompanionPing(int Return, ushort Partition) : CompanionEvent(Wire.CompanionEventPing);

/// <summary>The case ended after <see cref="Completed"/> steps; <see cref="Results"/> holds their struct conf_result.</summary>
internal sealed record CompanionDone(uint Id, int Completed, byte[] Results) : CompanionEvent(Wire.CompanionEventDone);

/// <summary>The board's kernel oopsed or panicked, in its own words.</summary>
internal sealed record CompanionFault(string Text) : CompanionEvent(Wire.CompanionEventFault);
