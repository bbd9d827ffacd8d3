using FfaConformance.Abi;
using FfaConformance.Adapters.Linux.Board;

namespace FfaConformance.Adapters.Linux.Companion;

/// <summary>
/// The companion's first event on a board (struct conf_hello): the FF-A version the driver negotiated, the
/// partitions it registered (stand-ins marked), and whether its case thread oopsed in an earlier case.
/// </summary>
internal sealed record CompanionHello(FfaVersion Version, IReadOnlyList<BoardPartition> Partitions, bool Faulted) : CompanionEvent(Wire.CompanionEventHello)
{
    public static CompanionHello Decode(ReadOnlySpan<byte> bytes)
    {
        var count = Math.Min((int)U32(bytes, Wire.CompanionHelloCount), Wire.CompanionMaxPartitions);
        var partitions = new BoardPartition[count];
        for (var i = 0; i < count; i++)
        {
            var entry = bytes.Slice(Wire.CompanionHelloPartitions + (Wire.CompanionPartitionSize * i), Wire.CompanionPartitionSize);
            partitions[i] = new BoardPartition(
                (ushort)U32(entry, Wire.CompanionPartitionId),
                new Guid(entry.Slice(Wire.CompanionPartitionUuid, 16), bigEndian: true),
                (U32(entry, Wire.CompanionPartitionFlags) & Wire.CompanionPartitionStandIn) != 0);
        }

        return new CompanionHello(FfaVersion.Decode(U32(bytes, Wire.CompanionHelloVersion)), partitions, U32(bytes, Wire.CompanionHelloFaulted) != 0);
    }
}
