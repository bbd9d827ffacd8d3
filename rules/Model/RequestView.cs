using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Model;

/// <summary>
/// One request of a case, of either direct-messaging interface, with what rules ask about any request: is it
/// live, how should its script be walked, what happened.
/// </summary>
public abstract class RequestView(CaseView owner, int index, Script script, StepTrace trace)
{
    private ScriptFlow? flow;

    public CaseView Case { get; } = owner;

    public int Index { get; } = index;

    public Script Script { get; } = script;

    public StepTrace Trace { get; } = trace;

    public abstract ushort Destination { get; }

    public ushort Self => Case.Scenario.Boot.EndpointId;

    public FfaVersion Version => Case.Target.Version;

    /// <summary>How the target's return values stand for outcomes.</summary>
    public ReturnConvention Returns => Case.Target.Returns;

    public ScriptFlow Flow => flow ??= new ScriptFlow(Script, Version);

    /// <summary>The ExitBootServices before this step, if any.</summary>
    public ExitBootServicesStep? ExitBefore => Case.Scenario.ExitBootServicesBefore(Index);

    /// <summary>Whether the OS called SetVirtualAddressMap before this step.</summary>
    public bool AfterVirtualAddressMap => Case.Scenario.VirtualAddressMapBefore(Index);

    /// <summary>Every conforming transport sends this request to the secure world.</summary>
    public abstract bool IsLive { get; }

    /// <summary>
    /// The destination answers: a partition the secure world hosts or, where a real secure world answered, any endpoint
    /// the transport sent to, since its answer (an SPMC's FFA_ERROR for an absent one) is then what the rules judge.
    /// </summary>
    protected bool Reaches => Case.Partitions.Contains(Destination) || (!Case.Target.Can(TargetCapabilities.ScriptableSecureWorld) && Calls.Count > 0);

    public IReadOnlyList<ConduitCall> Calls => Trace.Calls;

    /// <summary>A live request whose script is walked fully: <see cref="ScriptFlow.Depth"/> resumptions, then a final answer.</summary>
    public bool IsPlainLive => IsLive && Flow.IsPlain;

    /// <summary>Depth-0 live request ending in <typeparamref name="T"/>.</summary>
    public bool EndsAtOnce<T>(out T answer)
        where T : Answer
    {
        answer = default!;
        if (IsPlainLive && Flow.Depth == 0 && Flow.Stop is T t)
        {
            answer = t;
            return true;
        }

        return false;
    }

    /// <summary>The classes every rule reports for a request: interface or width, final answer, chain depth, error code.</summary>
    public IEnumerable<string> StandardClasses()
    {
        yield return InterfaceClass;
        yield return Scenarios.Profiles.ChainShape.BucketOf(Flow.Depth);
        for (var i = 0; i < Flow.Depth && i < Script.Answers.Length; i++)
        {
            yield return Script.Answers[i].Label;
        }

        if (Flow.Stop is { } stop)
        {
            yield return stop.Label;
            if (stop is ErrorAnswer error)
            {
                yield return CodeClass(error.Code);
            }
        }
        else if (Flow.IsEndless)
        {
            yield return "endless";
        }
    }

    public static string CodeClass(int code) => FfaErrors.IsDefined(code) ? DefinedCodeClasses[-code - 1] : $"code {FfaErrors.Describe(code)}";

    /// <summary>"SMC32" or "SMC64" for a direct request, "REQ2" for the other interface.</summary>
    protected abstract string InterfaceClass { get; }

    private static readonly string[] DefinedCodeClasses = [.. FfaErrors.All.Select(e => $"code {FfaErrors.Describe((int)e)}")];
}
