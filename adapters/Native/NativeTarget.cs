using FfaConformance.Abi;
using FfaConformance.Adapters.Bindings;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Sources;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Native;

/// <summary>
/// The native adapter: a C transport compiled for the host and run in a host process of its own. Every
/// conduit call crosses the socket to the managed secure world. A crash (any signal) or a hang (no call and no
/// return within the time limit) ends the case as a stop with the reason; the next case starts a new host.
/// </summary>
public sealed class NativeTarget : IStepwiseTarget
{
    public const string AdapterName = "native";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(5);

    private readonly string keeper;
    private readonly string executable;
    private readonly TimeSpan hangTimeout;
    private HostProcess? host;
    private CaseSession? session;
    private Stopped? pending;

    private NativeTarget(TargetDescription description, string keeper, string executable, TimeSpan hangTimeout, HostProcess host)
    {
        Description = description;
        this.keeper = keeper;
        this.executable = executable;
        this.hangTimeout = hangTimeout;
        this.host = host;
    }

    public TargetDescription Description { get; }

    /// <summary>U-Boot's runtime transport from the source at <see cref="NativeOptions.Source"/>.</summary>
    public static NativeTarget Create(string name, FfaVersion version, NativeOptions options, bool sourceRequired) =>
        Create(name, version, options, sourceRequired, Binding.Load(BindingKeys.Uboot));

    /// <summary>
    /// Builds (or reuses) the host for <paramref name="binding"/> over the source at <see cref="NativeOptions.Source"/> and
    /// starts it; a wrong binding or source is one <see cref="TargetUnavailableException"/> naming the key.
    /// </summary>
    public static NativeTarget Create(string name, FfaVersion version, NativeOptions options, bool sourceRequired, Binding binding)
    {
        var toolchain = Toolchain.Host(out var missing)
            ?? throw new TargetUnavailableException($"native target {name} is skipped: {missing}", skip: true);
        var source = BindingSource.Resolve(binding, options.Source, options.SourceKey, sourceRequired);
        try
        {
            var keeper = Keeper.Require(options.BuildRoot);
            var executable = BindingBuild.Host(binding, source, toolchain, options.BuildRoot);
            var host = HostProcess.Start(keeper, executable, StartTimeout);
            var capabilities = TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.NullMessage | TargetCapabilities.AnyDestination | Wire.Grants(host.Capabilities);
            var description = new TargetDescription(name, AdapterName, version, capabilities,
                new Provenance($"{binding.Implementation}: {source.Origin}", source.Sha256, toolchain.Version, Note: binding.Note) { Inputs = ImageDigest.Of(executable) })
            {
                Returns = binding.Returns,
                Entries = binding.Entries,
            };
            return new NativeTarget(description, keeper, executable, options.HangTimeout, host);
        }
        catch (BindingException e)
        {
            throw new TargetUnavailableException($"{options.SourceKey} = '{options.Source}': {e.Message}", skip: false);
        }
        catch (TargetBuildException e)
        {
            throw new TargetUnavailableException($"{options.SourceKey} = '{options.Source}' does not build: {e.Message}", skip: false);
        }
        catch (TargetUnavailableAtStart e)
        {
            throw new TargetUnavailableException($"native target {name} did not start: {e.Message}", skip: false);
        }
    }

    public void BeginCase(CaseSession session, BootData boot)
    {
        this.session = session;
        pending = null;
        if (host is null)
        {
            try
            {
                host = HostProcess.Start(keeper, executable, StartTimeout);
            }
            catch (Exception e) when (e is TargetUnavailableAtStart or IOException)
            {
                pending = new Stopped(StopReason.Crashed, $"the host process could not be restarted: {e.Message}");
                return;
            }
        }

        var begun = Exchange(HostRecord.Command(HostMessage.Begin, 0, boot.EndpointId, boot.Version.Encoded), _ => Completed.Instance);
        pending = begun as Stopped;
    }

    public StepOutcome Send(SendStep step)
    {
        var request = step.Request;
        var flags = Wire.Flags(step);
        var m = request.Message ?? DirectMessage.Zero;
        return Exchange(
            HostRecord.Command(HostMessage.Send, flags, request.Destination, m.Data0, m.Data1, m.Data2, m.Data3, m.Data4),
            returned => new Returned((long)returned.X[Wire.HostResultWord], returned.X[5] != 0 ? null : DirectMessage.FromWords(returned.X.AsSpan(0, 5))));
    }

    public StepOutcome Send2(Send2Step step)
    {
        var request = step.Request;
        return Exchange(
            HostRecord.Command(HostMessage.Send2, 0, [request.Destination, request.Uuid.X2, request.Uuid.X3, .. request.Message.ToArray()]),
            returned => new Returned2((long)returned.X[Wire.HostResultWord], DirectMessage2.FromWords(returned.X.AsSpan(0, DirectMessage2.Words))));
    }

    public StepOutcome ExitBootServices(ExitBootServicesStep step) =>
        Exchange(HostRecord.Command(HostMessage.ExitBootServices, step.WithContext ? 1u : 0u), _ => Completed.Instance);

    public void Dispose()
    {
        host?.Dispose();
        host = null;
    }

    /// <summary>Sends a command and serves the conduit calls it causes until the host reports the end.</summary>
    private StepOutcome Exchange(HostRecord command, Func<HostRecord, StepOutcome> returned)
    {
        if (pending is { } earlier)
        {
            pending = null;
            return earlier;
        }

        var live = host ?? throw new InvalidOperationException("no host process");
        var world = session ?? throw new InvalidOperationException("BeginCase was not called");
        try
        {
            live.Timeout = hangTimeout;
            live.Send(command);
            while (true)
            {
                var record = live.Receive();
                switch (record.Type)
                {
                    case HostMessage.Call:
                        var reply = world.Call(ConduitKind.Smc, RegisterSet.From(record.X));
                        if (reply.Stop is { } stop)
                        {
                            live.Send(HostRecord.Command(HostMessage.Stop));
                            _ = live.Receive();
                            return stop;
                        }

                        live.Send(new HostRecord(HostMessage.Answer, 0, reply.Answer!.AsSpan().ToArray()));
                        break;
                    case HostMessage.Returned:
                        return returned(record);
                    case HostMessage.Done:
                        return Completed.Instance;
                    case HostMessage.Failed:
                        return new Stopped(StopReason.Crashed, Wire.Failure(record.Argument));
                    default:
                        throw new SharedPageOverwritten($"the host sent a record of no known type ({(uint)record.Type})");
                }
            }
        }
        catch (SharedPageOverwritten e)
        {
            live.Kill();
            Drop();
            return new Stopped(StopReason.Crashed, $"the transport wrote over the page it shares with the harness: {e.Message}");
        }
        catch (HostHung)
        {
            live.Kill();
            Drop();
            return new Stopped(StopReason.Hung, $"the transport neither called the conduit nor returned within {hangTimeout.TotalMilliseconds:0} ms");
        }
        catch (HostDied)
        {
            var death = live.Death();
            Drop();
            return new Stopped(StopReason.Crashed, death);
        }
    }

    private void Drop()
    {
        host?.Dispose();
        host = null;
    }
}
