using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Records;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Expectations;
using FfaConformance.Runner.Run;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using FfaConformance.Tests.Mutants;

namespace FfaConformance.Tests.Reporting;

/// <summary>
/// A real run for the report tests, made once per test process through the one conformance run: every rule on
/// the C# reference and on two mutants (seed D1 and D4), one failure of which is listed as expected — so the
/// record holds passes, failures with evidence, an expected failure and rules that do not apply. The reference
/// is checked with cases of its own (<see cref="ReferenceMaxTest"/>), the mutants with the run's.
/// </summary>
internal static class ReportRuns
{
    private static readonly Lazy<RunRecord> Real = new(Build);

    public static RunRecord Run => Real.Value;

    public const int RunMaxTest = 60;

    public const int ReferenceMaxTest = 25;

    public static readonly Expectation Listed = new("INV-RESP-MATCH-WIDTH", FailureKind.Finding, null, "a DIRECT_RESP of either width completes the request", "seed patch, ffa_invoke_msg_send_direct_req()", new DateOnly(2099, 1, 1));

    private static RunRecord Build()
    {
        var plan = new RunPlan(
        [
            Mutant("reference", (c, v) => new ReferenceTransport(c, v)) with { MaxTest = ReferenceMaxTest },
            Mutant("accepts-other-width", (c, v) => new AcceptsOtherWidthResponse(c, v), Listed),
            Mutant("success-completes", (c, v) => new SuccessCompletes(c, v)),
        ],
        SettingsLoader.DefaultOptions with { MaxTest = RunMaxTest },
        FfaVersion.V1_3)
        {
            ReplayCommand = (target, rule, replay) => $"replay {target} {rule} {replay}",
        };
        using var run = new ConformanceRun(plan);
        run.CheckAll();
        return run.Record();
    }

    private static RunTarget Mutant(string name, Func<IConduit, FfaVersion, ReferenceTransport> create, params Expectation[] expectations) => new(
        name,
        EmulatorTarget.AdapterName,
        FfaVersion.V1_0,
        () => new EmulatorTarget(new TargetDescription(name, EmulatorTarget.AdapterName, FfaVersion.V1_0, TargetCapabilities.All, new Provenance($"{name} (tests)")), create),
        expectations.ToDictionary(e => e.Rule));
}
