using System.Globalization;
using FfaConformance.Abi;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Runner.Records;

/// <summary>Turns what the engine found and how it was judged into the records every output renders.</summary>
public static class RecordBuilder
{
    public static IReadOnlyList<RuleRecord> Rules() =>
        [.. RuleCatalogue.All.Select(r => new RuleRecord(r.Id, r.Info.Area.ToString(), r.Info.Level.ToString().ToUpperInvariant(), r.Info.Statement, r.Info.Basis))];

    /// <summary>The one-line description of the machine and runtime a run used.</summary>
    public static (string Host, string Runtime) Environment() =>
        ($"{System.Environment.MachineName}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Environment.ProcessorCount} cores",
         System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);

    /// <summary>
    /// A target: its description when it was built, or why it was not; its time and cases summed over
    /// <paramref name="results"/>; <paramref name="maxTest"/>, the cases per rule it was checked with.
    /// </summary>
    public static TargetRecord Target(string name, string adapter, FfaVersion version, int maxTest, TargetDescription? description, string? unavailable, IEnumerable<ResultRecord> results)
    {
        var mine = results.ToArray();
        var provenance = description?.Provenance;
        return new TargetRecord(
            name,
            adapter,
            (description?.Version ?? version).ToString(),
            description?.Capabilities.ToString() ?? string.Empty,
            provenance?.Source,
            provenance?.Sha256,
            provenance?.Compiler,
            provenance?.Qemu,
            provenance?.Note,
            unavailable,
            mine.Sum(r => r.Seconds),
            mine.Sum(r => (long)r.Cases),
            maxTest,
            description is null ? null : !description.Can(TargetCapabilities.ScriptableSecureWorld),
            description is { SecureWorldCalls.Count: > 0 } ? [.. description.SecureWorldCalls.Select(c => new ProbeCallRecord(c.Asked, Call(c.Call)))] : null);
    }

    /// <summary>
    /// A run in which nothing was checked — it has not finished, or its configuration was refused: every rule of every
    /// target fails with <paramref name="explanation"/>, since a lab must not take a rule nobody checked for a pass.
    /// </summary>
    public static RunRecord Unchecked(RunInfo info, IEnumerable<(string Name, string Adapter, string Version, int? MaxTest)> targets, string explanation)
    {
        var listed = targets.ToArray();
        return new RunRecord(
            RunRecord.CurrentFormat,
            info,
            Rules(),
            [.. listed.Select(t => new TargetRecord(t.Name, t.Adapter, t.Version, string.Empty, null, null, null, null, null, explanation, 0, 0, t.MaxTest))],
            [.. listed.SelectMany(t => RuleCatalogue.All.Select(r => new ResultRecord(t.Name, r.Id, RuleOutcome.Broken, Verdict.Failed, explanation,
                0, 0, new Dictionary<string, int>(), [], string.Empty, 0, null, null)))]);
    }

    /// <summary>
    /// A judged result; <paramref name="target"/> (null: never built) names its return values and the functions that
    /// ran its cases, and <paramref name="replayCommand"/> turns a replay string into the command that reruns it, when there is one.
    /// </summary>
    public static ResultRecord Result(RuleResult result, Judgement judgement, TargetDescription? target, Func<string, string?> replayCommand)
    {
        var returns = target?.Returns ?? ReturnConvention.Errno;
        var expectation = judgement.Expectation;
        return new ResultRecord(
            result.Target,
            result.RuleId,
            result.Outcome,
            judgement.Verdict,
            judgement.Explanation,
            result.Cases,
            result.Exercised,
            result.Classes,
            result.MissingClasses,
            result.Seed,
            result.Duration.TotalSeconds,
            expectation is null ? null : new ExpectationRecord(expectation.Failure, expectation.Text, expectation.Reason, expectation.Reference,
                expectation.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            result.Counterexample is { } c
                ? new EvidenceRecord(Case(c.Minimal, returns), Case(c.Original, returns), c.Reproduced, c.Replay, replayCommand(c.Replay), c.TestsRun, c.Shrinks,
                    target?.Judged(RuleCatalogue.Get(result.RuleId) is Rules.Model.Send2Rule ? "Send2" : "Send"))
                : null)
        {
            Answered = result.Answered.Count == 0 ? null : result.Answered,
        };
    }

    private static CaseRecord Case(CaseRun run, ReturnConvention returns)
    {
        var scenario = run.Scenario;
        var finding = run.Verdict.Finding;
        return new CaseRecord(
            scenario.ToString(),
            run.Verdict.Kind,
            finding is null ? null : new FindingRecord(finding.Text, finding.Step, finding.Call, finding.Field, finding.Expected, finding.Actual),
            [.. run.Trace.Boot.Select(Call)],
            [.. run.Trace.Steps.Select((step, i) => Step(i < scenario.Steps.Length ? scenario.Steps[i].ToString() ?? string.Empty : string.Empty, step, returns))]);
    }

    private static StepRecord Step(string description, StepTrace step, ReturnConvention returns) => step.Outcome switch
    {
        Returned returned => new StepRecord(description, [.. step.Calls.Select(Call)], returned.Describe(returns), returned.ReturnValue,
            returned.MessageOut is { } m ? [.. m.ToArray().Select(Hex)] : null),
        Returned2 returned2 => new StepRecord(description, [.. step.Calls.Select(Call)], returned2.Describe(returns), returned2.ReturnValue,
            [.. returned2.MessageOut.ToArray().Select(Hex)]),
        _ => new StepRecord(description, [.. step.Calls.Select(Call)], step.Outcome.Describe(returns), null, null),
    };

    private static CallRecord Call(ConduitCall call) => new(
        call.Conduit.ToString().ToUpperInvariant(),
        FfaFunctions.Describe(call.Issued.W0),
        Registers(call.Issued),
        call.Answer is { } answer ? FfaFunctions.Describe(answer.W0) : null,
        call.Answer is { } a ? Registers(a) : null);

    private static string[] Registers(RegisterSet registers) => [.. Enumerable.Range(0, RegisterSet.Count).Select(i => Hex(registers[i]))];

    private static string Hex(ulong value) => $"0x{value:X}";
}
