using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Emulator;

/// <summary>
/// The managed-emulator adapter: a C# transport in-process. A fresh transport per case keeps resident state
/// from leaking between cases; an exception out of the transport is a crash of the target.
/// </summary>
public sealed class EmulatorTarget(TargetDescription description, Func<IConduit, FfaVersion, ReferenceTransport> create) : IStepwiseTarget
{
    public const string AdapterName = "emulator";

    private ReferenceTransport? transport;
    private BootData? boot;

    public TargetDescription Description { get; } = description;

    public static EmulatorTarget Reference(string name, FfaVersion version) =>
        new(new TargetDescription(name, AdapterName, version, TargetCapabilities.All, new Provenance("ReferenceTransport (C#, adapters/Emulator)")),
            (conduit, v) => new ReferenceTransport(conduit, v));

    public void BeginCase(CaseSession session, BootData bootData)
    {
        boot = bootData;
        transport = create(new SessionConduit(session), Description.Version);
        transport.Probe(bootData);
    }

    public StepOutcome Send(SendStep step)
    {
        var live = Live();
        var request = step.Request;
        var message = request.Message is { } m ? new MessageBuffer(m) : null;
        return Guard(() =>
        {
            var result = step.Entry == Entry.Runtime
                ? live.SyncSendReceiveRuntime(request.Destination, message, request.Convention)
                : live.SyncSendReceive(request.Destination, message, request.Convention);
            return new Returned(result, message?.Value);
        });
    }

    public StepOutcome Send2(Send2Step step)
    {
        var live = Live();
        var request = step.Request;
        var message = new MessageBuffer2(request.Message);
        return Guard(() => new Returned2(live.SyncSendReceive2Runtime(request.Destination, request.Uuid, message), message.Value));
    }

    public StepOutcome ExitBootServices(ExitBootServicesStep step)
    {
        var live = Live();
        return Guard(() =>
        {
            live.OnExitBootServices(step.WithContext ? boot : null);
            return Completed.Instance;
        });
    }

    public void Dispose()
    {
    }

    private ReferenceTransport Live() => transport ?? throw new InvalidOperationException("BeginCase was not called");

    private static StepOutcome Guard(Func<StepOutcome> step)
    {
        try
        {
            return step();
        }
        catch (TargetStoppedException stop)
        {
            return stop.Stopped;
        }
        catch (Exception crash)
        {
            return new Stopped(StopReason.Crashed, $"{crash.GetType().Name}: {crash.Message}");
        }
    }
}
