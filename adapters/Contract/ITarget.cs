using FfaConformance.Scenarios.Targets;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Contract;

/// <summary>
/// What every adapter implements: run one case. The steps of the session's scenario run in order until one is
/// stopped; every conduit call the transport makes goes to the session, inside the step that caused it
/// (<see cref="CaseSession.BeginStep"/> … <see cref="CaseSession.EndStep"/>). Most targets are
/// <see cref="IStepwiseTarget"/>s, driven one step at a time.
/// </summary>
public interface ITarget : IDisposable
{
    TargetDescription Description { get; }

    /// <summary>Fresh resident state, boot-time data handed over as the transport's boot phase would, then the steps.</summary>
    void Run(CaseSession session, BootData boot);
}
