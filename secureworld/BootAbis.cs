using FfaConformance.Abi;
using FfaConformance.Scenarios;

namespace FfaConformance.SecureWorld;

/// <summary>
/// Consistent answers to the boot-time ABIs (FFA_VERSION, FFA_ID_GET, FFA_FEATURES, FFA_RXTX_MAP/UNMAP,
/// FFA_PARTITION_INFO_GET, FFA_RX_RELEASE) from the configured partition table and the case's boot state.
/// Anything else outside a script gets FFA_ERROR(NOT_SUPPORTED), as TF-A's SPMD answers unknown FF-A IDs.
/// </summary>
public sealed class BootAbis(PartitionTable partitions, FfaVersion implemented)
{
    public FfaVersion Implemented { get; } = implemented;

    public RegisterSet Answer(RegisterSet issued, BootState boot)
    {
        var w0 = issued.W0;
        if (w0 == FfaFunctions.Version.Id(Convention.Smc32).Value)
        {
            var requested = FfaVersion.Decode(issued.W1);
            // FFA_VERSION answers in w0 itself; an incompatible major gets NOT_SUPPORTED there too.
            return RegisterSet.Of(requested.Major == Implemented.Major ? Implemented.Encoded : Smccc.NotSupported);
        }

        if (w0 == FfaFunctions.IdGet.Id(Convention.Smc32).Value)
        {
            return Success(0, boot.EndpointId);
        }

        if (w0 == FfaFunctions.Features.Id(Convention.Smc32).Value)
        {
            return Features(issued.W1);
        }

        if (FfaFunctions.RxTxMap.Matches(w0) || w0 == FfaFunctions.RxTxUnmap.Id(Convention.Smc32).Value
            || w0 == FfaFunctions.RxRelease.Id(Convention.Smc32).Value)
        {
            return Success(0, 0);
        }

        if (w0 == FfaFunctions.PartitionInfoGet.Id(Convention.Smc32).Value)
        {
            return Success(0, (ulong)partitions.Partitions.Count);
        }

        return Error(FfaError.NotSupported);
    }

    private RegisterSet Features(uint queried)
    {
        var hit = FfaFunctions.Find(queried);
        if (hit is not { } found || !found.Function.IsDefined(found.Convention, Implemented))
        {
            return Error(FfaError.NotSupported);
        }

        // For FFA_RXTX_MAP w2 carries the minimum buffer size: 0 = 4 KiB.
        return Success(0, 0);
    }

    private static RegisterSet Success(ulong w1, ulong w2) =>
        RegisterSet.Of(FfaFunctions.Success.Id(Convention.Smc32).Value, w1, w2);

    private static RegisterSet Error(FfaError error) =>
        RegisterSet.Of(FfaFunctions.Error.Id(Convention.Smc32).Value, 0, (uint)(int)error);
}
