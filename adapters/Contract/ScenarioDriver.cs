using FfaConformance.Abi;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Contract;

/// <summary>Runs one case on any target: boot-time discovery through the secure world (or the probe its driver made), then the target runs the steps.</summary>
public static class ScenarioDriver
{
    public static Trace Run(ITarget target, CaseSession session)
    {
        target.Run(session, target is IProbedTarget probed ? session.Recall(probed.Probe, probed.Probed) : Discover(session, target.Description.Version));
        return session.Finish();
    }

    /// <summary>
    /// The boot-time driver's part (U-Boot's probe): FFA_VERSION and FFA_ID_GET through the secure world, so
    /// the endpoint ID every target receives is the one the secure world reports.
    /// </summary>
    private static BootData Discover(CaseSession session, FfaVersion requested)
    {
        var version = session.Call(ConduitKind.Smc, RegisterSet.Of(FfaFunctions.Version.Id(Convention.Smc32).Value, requested.Encoded));
        var id = session.Call(ConduitKind.Smc, RegisterSet.Of(FfaFunctions.IdGet.Id(Convention.Smc32).Value));
        if (version.Answer is not { } v || v.W0 == Smccc.NotSupported || id.Answer is not { } idAnswer
            || idAnswer.W0 != FfaFunctions.Success.Id(Convention.Smc32).Value)
        {
            throw new InvalidOperationException("the managed secure world refused FFA_VERSION or FFA_ID_GET at boot");
        }

        return new BootData((ushort)idAnswer.W2, requested);
    }
}
