using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Model;

/// <summary>One send of a case with what rules ask about it: is it live, how should the script be walked, what happened.</summary>
public sealed class SendView(CaseView owner, int index, SendStep step, TwinStep? twin, StepTrace trace)
{
    private ScriptFlow? flow;

    public CaseView Case { get; } = owner;

    public int Index { get; } = index;

    public SendStep Step { get; } = step;

    public TwinStep? Twin { get; } = twin;

    public StepTrace Trace { get; } = trace;

    public DirectRequest Request => Step.Request;

    public Convention Convention => Request.Convention;

    public ushort Self => Case.Scenario.Boot.EndpointId;

    public FfaVersion Version => Case.Target.Version;

    public ScriptFlow Flow => flow ??= new ScriptFlow(Step.Script, Version);

    /// <summary>The ExitBootServices before this step, if any.</summary>
    public ExitBootServicesStep? ExitBefore => Case.Scenario.ExitBootServicesBefore(Index);

    /// <summary>Boot-time entry before ExitBootServices; runtime entry after an ExitBootServices that carried boot data.</summary>
    public bool EntryOpen => Step.Entry == Entry.BootTime ? ExitBefore is null : ExitBefore is { WithContext: true };

    /// <summary>
    /// Every conforming transport sends this request to the secure world: the entry is open, the message is
    /// there, an SMC32 payload fits in 32 bits and the destination is a partition the secure world hosts.
    /// </summary>
    public bool IsLive =>
        EntryOpen
        && Request.Message is { } message
        && (Convention == Convention.Smc64 || message.FitsIn32Bits)
        && Case.Partitions.Contains(Request.Destination);

    public IReadOnlyList<ConduitCall> Calls => Trace.Calls;

    /// <summary>A live send whose script is walked fully: <see cref="ScriptFlow.Depth"/> resumptions, then a final answer.</summary>
    public bool IsPlainLive => IsLive && Flow.IsPlain;

    /// <summary>Depth-0 live send ending in <typeparamref name="T"/>.</summary>
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

    /// <summary>The classes every rule reports for a send: width, final answer, chain depth, error code.</summary>
    public IEnumerable<string> StandardClasses()
    {
        yield return Convention == Convention.Smc64 ? "SMC64" : "SMC32";
        yield return ChainShapeBucket();
        for (var i = 0; i < Flow.Depth && i < Step.Script.Answers.Length; i++)
        {
            yield return Step.Script.Answers[i].Label;
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

    private static readonly string[] DefinedCodeClasses = [.. FfaErrors.All.Select(e => $"code {FfaErrors.Describe((int)e)}")];

    private string ChainShapeBucket() => Scenarios.Profiles.ChainShape.BucketOf(Flow.Depth);
}
