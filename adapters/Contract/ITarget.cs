using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Contract;

/// <summary>
/// What every adapter implements. A case is <see cref="BeginCase"/> followed by the scenario's steps in order;
/// every conduit call the transport makes goes to the session. A step the harness had to stop returns
/// <see cref="Stopped"/>, and the driver ends the case there.
/// </summary>
public interface ITarget : IDisposable
{
    TargetDescription Description { get; }

    /// <summary>Fresh resident state; boot-time data handed over as the transport's boot phase would.</summary>
    void BeginCase(CaseSession session, BootData boot);

    StepOutcome Send(SendStep step);

    StepOutcome ExitBootServices(ExitBootServicesStep step);
}
