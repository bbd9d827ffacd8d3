using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Reports.Records;
using FfaConformance.Rules;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Targets;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Mutants;

namespace FfaConformance.Tests.Reporting;

/// <summary>
/// Real runs for the report tests, made once per test process: every rule on the C# reference and on two
/// mutants (seed D1 and D4), one failure of which is listed as expected — so the records hold passes,
/// failures with evidence, an expected failure and rules that do not apply.
/// </summary>
internal static class ReportRuns
{
    private static readonly Lazy<RunRecord> Real = new(Build);

    public static RunRecord Run => Real.Value;

    public static readonly Expectation Listed = new("INV-RESP-MATCH-WIDTH", "a DIRECT_RESP of either width completes the request", "fact sheet D1", new DateOnly(2099, 1, 1));

    private static RunRecord Build()
    {
        var runner = new RuleRunner(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));
        var options = RunOptions.Default with { MaxTest = 60 };
        var started = DateTimeOffset.UtcNow;
        var targets = new List<TargetRun>();
        var results = new List<JudgedResult>();
        foreach (var (name, create, expectations) in new (string, Func<IConduit, FfaVersion, ReferenceTransport>, Expectation[])[]
        {
            ("reference", (c, v) => new ReferenceTransport(c, v), []),
            ("accepts-other-width", (c, v) => new AcceptsOtherWidthResponse(c, v), [Listed]),
            ("success-completes", (c, v) => new SuccessCompletes(c, v), []),
        })
        {
            using var target = new EmulatorTarget(new TargetDescription(name, EmulatorTarget.AdapterName, FfaVersion.V1_0, TargetCapabilities.All, new Provenance($"{name} (tests)")), create);
            targets.Add(new TargetRun(name, EmulatorTarget.AdapterName, "v1.0", target.Description, null));
            foreach (var rule in RuleCatalogue.All)
            {
                var result = runner.Check(target, rule, options);
                results.Add(new JudgedResult(result, Judgement.Of(result, expectations.FirstOrDefault(e => e.Rule == rule.Id), DateOnly.FromDateTime(DateTime.UtcNow))));
            }
        }

        var (host, runtime) = RunRecordBuilder.Environment();
        return RunRecordBuilder.Build(new RunInfo("test-run", started, DateTimeOffset.UtcNow, host, runtime, null, options.MaxTest, options.CallBudget, "v1.3", null), targets, results);
    }
}
