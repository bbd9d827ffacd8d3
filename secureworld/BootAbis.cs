using FfaConformance.Abi;
using FfaConformance.Scenarios;

namespace FfaConformance.SecureWorld;

/// <summary>
/// Consistent answers to the boot-time ABIs (FFA_VERSION, FFA_ID_GET, FFA_FEATURES, FFA_RXTX_MAP/UNMAP,
/// FFA_PARTITION_INFO_GET, FFA_RX_RELEASE) from the configured partition table and the case's boot state, at the
/// version the caller negotiated. FFA_PARTITION_INFO_GET writes the descriptors into the RX buffer the caller
/// mapped. Anything else outside a script gets FFA_ERROR(NOT_SUPPORTED), as TF-A's SPMD answers unknown FF-A IDs.
/// </summary>
public sealed class BootAbis(PartitionTable partitions, FfaVersion implemented)
{
    private const uint CountOnly = 1;

    public FfaVersion Implemented { get; } = implemented;

    public ConduitReply Answer(RegisterSet issued, BootState boot, Mapping mapping)
    {
        var w0 = issued.W0;
        if (w0 == FfaFunctions.Version.Id(Convention.Smc32).Value)
        {
            var requested = FfaVersion.Decode(issued.W1);

            // FFA_VERSION answers in w0 itself; an incompatible major gets NOT_SUPPORTED there too.
            if (requested.Major != Implemented.Major)
            {
                return ConduitReply.Of(RegisterSet.Of(Smccc.NotSupported));
            }

            mapping.Negotiated = requested < Implemented ? requested : Implemented;
            return ConduitReply.Of(RegisterSet.Of(Implemented.Encoded));
        }

        if (w0 == FfaFunctions.IdGet.Id(Convention.Smc32).Value)
        {
            return Success(0, boot.EndpointId);
        }

        if (w0 == FfaFunctions.Features.Id(Convention.Smc32).Value)
        {
            return Features(issued.W1, mapping.Negotiated ?? Implemented);
        }

        if (FfaFunctions.RxTxMap.Matches(w0))
        {
            mapping.RxBuffer = issued.X2;
            return Success(0, 0);
        }

        if (w0 == FfaFunctions.RxTxUnmap.Id(Convention.Smc32).Value)
        {
            mapping.RxBuffer = null;
            return Success(0, 0);
        }

        if (w0 == FfaFunctions.RxRelease.Id(Convention.Smc32).Value)
        {
            return Success(0, 0);
        }

        if (w0 == FfaFunctions.PartitionInfoGet.Id(Convention.Smc32).Value)
        {
            return PartitionInfo(issued, mapping);
        }

        return Error(FfaError.NotSupported);
    }

    private static ConduitReply Features(uint queried, FfaVersion version)
    {
        var hit = FfaFunctions.Find(queried);
        if (hit is not { } found || !found.Function.IsDefined(found.Convention, version))
        {
            return Error(FfaError.NotSupported);
        }

        // For FFA_RXTX_MAP w2 carries the minimum buffer size: 0 = 4 KiB.
        return Success(0, 0);
    }

    /// <summary>
    /// The partitions whose UUID x1–x4 name (all of them for the nil UUID): from v1.1 the count alone when x5's
    /// bit 0 asks for it, otherwise their descriptors in the RX buffer and the descriptor size in w3.
    /// </summary>
    private ConduitReply PartitionInfo(RegisterSet issued, Mapping mapping)
    {
        var uuid = new byte[16];
        for (var i = 0; i < 4; i++)
        {
            BitConverter.TryWriteBytes(uuid.AsSpan(4 * i), (uint)issued[1 + i]);
        }

        var selected = uuid.All(b => b == 0)
            ? partitions.Partitions
            : [.. partitions.Partitions.Where(p => p.UuidBytes.AsSpan().SequenceEqual(uuid))];
        if (selected.Count == 0)
        {
            return Error(FfaError.InvalidParameters);
        }

        var version = mapping.Negotiated ?? Implemented;
        var size = version >= FfaVersion.V1_1 ? Partition.DescriptorSize : Partition.V10DescriptorSize;
        if (version >= FfaVersion.V1_1 && (issued[5] & CountOnly) != 0)
        {
            return Success(0, (ulong)selected.Count, (ulong)size);
        }

        if (mapping.RxBuffer is not { } rx)
        {
            return Error(FfaError.Busy);
        }

        var bytes = new byte[size * selected.Count];
        for (var i = 0; i < selected.Count; i++)
        {
            selected[i].Describe(bytes.AsSpan(size * i, size));
        }

        return ConduitReply.Of(RegisterSet.Of(FfaFunctions.Success.Id(Convention.Smc32).Value, 0, (ulong)selected.Count, version >= FfaVersion.V1_1 ? (ulong)size : 0),
            [new MemoryWrite(rx, bytes)]);
    }

    private static ConduitReply Success(ulong w1, ulong w2, ulong w3 = 0) =>
        ConduitReply.Of(RegisterSet.Of(FfaFunctions.Success.Id(Convention.Smc32).Value, w1, w2, w3));

    private static ConduitReply Error(FfaError error) =>
        ConduitReply.Of(RegisterSet.Of(FfaFunctions.Error.Id(Convention.Smc32).Value, 0, (uint)(int)error));

    /// <summary>What a caller set up at boot that later answers depend on: the negotiated version, its RX buffer.</summary>
    public sealed class Mapping
    {
        public FfaVersion? Negotiated { get; set; }

        public ulong? RxBuffer { get; set; }
    }
}
