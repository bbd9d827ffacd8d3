using System.Globalization;
using FfaConformance.Abi;
using FfaConformance.Rules;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Reports.Records;

/// <summary>A target as the run saw it: its description when it was built, or why it was not.</summary>
public sealed record TargetRun(string Name, string Adapter, string Version, TargetDescription? Description, string? Unavailable);

/// <summary>Turns a run's judged results into the record written as run.json.</summary>
public static class RunRecordBuilder
{
    public static RunRecord Build(RunInfo run, IReadOnlyList<TargetRun> targets, IReadOnlyList<JudgedResult> results) =>
        new(
            RunRecord.CurrentFormat,
            run,
            [.. RuleCatalogue.All.Select(r => new RuleRecord(r.Id, r.Info.Area.ToString(), r.Info.Level.ToString().ToUpperInvariant(), r.Info.Statement, r.Info.Basis))],
            [.. targets.Select(t => Target(t, results.Where(r => r.Result.Target == t.Name).ToArray()))],
            [.. results.Select(Result)]);

    /// <summary>The one-line description of the machine and runtime a run used.</summary>
    public static (string Host, string Runtime) Environment() =>
        ($"{System.Environment.MachineName}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Environment.ProcessorCount} cores",
         System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);

    private static TargetRecord Target(TargetRun target, IReadOnlyList<JudgedResult> results)
    {
        var description = target.Description;
        var provenance = description?.Provenance;
        return new TargetRecord(
            target.Name,
            target.Adapter,
            target.Version,
            description?.Capabilities.ToString() ?? string.Empty,
            provenance?.Source,
            provenance?.Sha256,
            provenance?.Compiler,
            provenance?.Qemu,
            provenance?.Note,
            target.Unavailable,
            results.Sum(r => r.Result.Duration.TotalSeconds),
            results.Sum(r => (long)r.Result.Cases));
    }

    private static ResultRecord Result(JudgedResult judged)
    {
        var result = judged.Result;
        var expectation = judged.Judgement.Expectation;
        return new ResultRecord(
            result.Target,
            result.RuleId,
            result.Outcome.ToString(),
            judged.Judgement.Verdict.ToString(),
            judged.Judgement.Explanation,
            result.Cases,
            result.Exercised,
            result.Classes,
            result.MissingClasses,
            result.Seed,
            result.Duration.TotalSeconds,
            expectation is null ? null : new ExpectationRecord(expectation.Reason, expectation.Reference, expectation.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            result.Counterexample is { } c ? Evidence(result, c) : null);
    }

    private static EvidenceRecord Evidence(RuleResult result, Counterexample counterexample)
    {
        var scenario = counterexample.Scenario;
        var finding = counterexample.Finding;
        return new EvidenceRecord(
            scenario.ToString(),
            new FindingRecord(finding.Text, finding.Step, finding.Call, finding.Field, finding.Expected, finding.Actual),
            [.. counterexample.Trace.Boot.Select(Call)],
            [.. counterexample.Trace.Steps.Select((step, i) => Step(scenario.Steps[i].ToString() ?? string.Empty, step))],
            counterexample.Replay,
            Replay.Command(result.Target, result.RuleId, counterexample.Replay),
            counterexample.TestsRun,
            counterexample.Shrinks);
    }

    private static StepRecord Step(string description, StepTrace step) => step.Outcome switch
    {
        Returned returned => new StepRecord(description, [.. step.Calls.Select(Call)], returned.ToString(), returned.ReturnValue,
            returned.MessageOut is { } m ? [.. m.ToArray().Select(Hex)] : null),
        _ => new StepRecord(description, [.. step.Calls.Select(Call)], step.Outcome.ToString() ?? string.Empty, null, null),
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
