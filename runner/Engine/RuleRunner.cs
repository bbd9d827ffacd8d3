using FfaConformance.Adapters.Contract;
using FfaConformance.Generators;
using FfaConformance.Records;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace FfaConformance.Runner.Engine;

/// <summary>
/// Checks one rule on one target with FsCheck: generate scenarios from the rule's profile, run each on the
/// target against the managed secure world, judge the trace, shrink a failure, and gate on the coverage the
/// runner counted itself.
/// </summary>
public sealed class RuleRunner(ManagedSecureWorld world)
{
    /// <summary>Hung cases shrinking may run per rule; each costs the adapter's hang timeout.</summary>
    public const int HungShrinkBudget = 12;

    public ManagedSecureWorld World { get; } = world;

    /// <summary>
    /// Checks <paramref name="rule"/>; with <paramref name="resumption"/>, picks an interrupted run up where it
    /// stopped, and with <paramref name="journal"/>, writes the run down as it goes.
    /// </summary>
    public RuleResult Check(ITarget target, Rule rule, RunOptions options, Resumption? resumption = null, ICaseJournal? journal = null)
    {
        var clock = Stopwatch.StartNew();
        var description = target.Description;
        if (rule.Info.Applicability.WhyNot(description) is { } why)
        {
            return RuleResult.Empty(rule.Id, description.Name, RuleOutcome.NotApplicable, why, clock.Elapsed);
        }

        var given = resumption?.Seed ?? options.Replay;
        var replay = given is null ? Seeds.Fresh()
            : Seeds.TryParse(given, out var parsed) ? parsed
            : throw new ArgumentException($"replay '{given}' is not 'seed,gamma' or 'seed,gamma,size'", nameof(options));
        journal?.Begin(Seeds.Format(replay.Rnd));
        var tally = new CaseTally(scenario => Evaluate(target, rule, scenario, options.CallBudget), resumption, journal,
            countAnswers: !description.Can(TargetCapabilities.ScriptableSecureWorld));
        var arbitrary = ScenarioArbitrary.For(rule.Info.Profile, Context(description));
        var runner = new CapturingRunner();
        var config = Config.Quick
            .WithMaxTest(options.MaxTest)
            .WithReplay(FSharpOption<Replay>.Some(replay))
            .WithRunner(runner)
            .WithName(rule.Id);
        FsCheck.Check.One(config, Prop.ForAll(arbitrary, tally.Passes));

        var seed = Seeds.Format(replay.Rnd);
        if (tally.Error is { } error)
        {
            return RuleResult.Empty(rule.Id, description.Name, RuleOutcome.Broken,
                $"the {description.Adapter} adapter failed while running case {tally.Cases + 1}: {error.GetType().Name}: {error.Message}", clock.Elapsed) with
            { Seed = seed };
        }

        var result = runner.Result switch
        {
            TestResult.Failed failed => Failure(target, rule, options, tally, failed, seed, clock),
            TestResult.Passed when tally.Lost is { } lost => LostCase(rule, description.Name, tally, lost, resumption!, seed, clock),
            TestResult.Passed => Pass(rule, description, tally, seed, clock),
            var other => throw new InvalidOperationException($"FsCheck gave up on {rule.Id}: {other}"),
        } with
        { Answered = new Dictionary<string, int>(tally.Answered) };
        return resumption is null ? result : result with
        {
            Cases = result.Cases + resumption.Skip + (tally.Lost is null ? 0 : 1),
            Message = $"{result.Message} (resumed after the run stopped: cases 1–{resumption.Skip} had passed before{(resumption.Lost is { } n ? $", case {n} was lost" : string.Empty)}; only the cases run since count toward coverage)",
        };
    }

    /// <summary>A resumed rule whose other cases passed fails with the case the run was lost in: it never finished, so it never passed.</summary>
    private static RuleResult LostCase(Rule rule, string target, CaseTally tally, Scenario lost, Resumption resumption, string seed, Stopwatch clock)
    {
        var detail = $"case {resumption.Lost} was running when the run stopped (the runner was killed or the machine reset) and never finished";
        var trace = new Trace([], [.. lost.Steps.Select((_, i) => new StepTrace([], i == 0 ? new Stopped(StopReason.Lost, detail) : NotRun.Instance))]);
        var finding = new Finding(StopReasons.Of(StopReason.Lost).Finding + detail, null, FindingField.Outcome, "a return", Stopped.Describe(StopReason.Lost)) { Step = 0 };
        var verdict = new CaseVerdict(true, finding, []) { Kind = FailureKind.Lost };
        var run = new CaseRun(lost, trace, verdict);
        return new RuleResult(rule.Id, target, RuleOutcome.Failed, verdict.Finding!.ToString(), tally.Cases, tally.Exercised,
            new Dictionary<string, int>(tally.Classes), [], new Counterexample(run, run, string.Empty, tally.Cases, 0), seed, clock.Elapsed);
    }

    /// <summary>
    /// Runs kept counterexamples before anything is generated: the first that fails again is the rule's failure,
    /// with itself as evidence (it was shrunk when it was found); null when every one passes.
    /// </summary>
    public RuleResult? FailsAgain(ITarget target, Rule rule, IReadOnlyList<KeptExample> kept, RunOptions options)
    {
        var clock = Stopwatch.StartNew();
        if (kept.Count == 0 || rule.Info.Applicability.WhyNot(target.Description) is not null)
        {
            return null;
        }

        var exercised = 0;
        var classes = new Dictionary<string, int>();
        for (var i = 0; i < kept.Count; i++)
        {
            var run = Evaluate(target, rule, kept[i].Scenario, options.CallBudget);
            if (run.Verdict.Exercised)
            {
                exercised++;
                foreach (var label in run.Verdict.Classes.Distinct())
                {
                    classes[label] = classes.GetValueOrDefault(label) + 1;
                }
            }

            if (run.Verdict.Failed)
            {
                return new RuleResult(rule.Id, target.Description.Name, RuleOutcome.Failed,
                    $"{run.Verdict.Finding} (a counterexample kept since {kept[i].Found:yyyy-MM-dd} fails again)",
                    i + 1, exercised, classes, [], new Counterexample(run, run, string.Empty, i, 0), string.Empty, clock.Elapsed);
            }
        }

        return null;
    }

    /// <summary>What scenarios for <paramref name="target"/> are drawn from: its own partitions, else the secure world's.</summary>
    public GenerationContext Context(TargetDescription target) => GenerationContext.For(Partitions(target), target);

    /// <summary>
    /// Runs one scenario on the target and lets the rule judge it. Where a real secure world answered, the case is
    /// the scenario as answered (<see cref="AnsweredScenario"/>), so its evidence shows the answers given, not generated.
    /// </summary>
    public CaseRun Evaluate(ITarget target, Rule rule, Scenario scenario, int callBudget)
    {
        var (trace, view) = Run(target, scenario, callBudget);
        return new CaseRun(view.Scenario, trace, rule.Judge(view)) { Unread = view.Unread };
    }

    /// <summary>Runs one scenario on the target and lets each of <paramref name="rules"/> judge the same trace.</summary>
    public (Trace Trace, CaseVerdict[] Verdicts) Evaluate(ITarget target, IReadOnlyList<Rule> rules, Scenario scenario, int callBudget)
    {
        var (trace, view) = Run(target, scenario, callBudget);
        return (trace, [.. rules.Select(r => r.Judge(view))]);
    }

    private (Trace Trace, CaseView View) Run(ITarget target, Scenario scenario, int callBudget)
    {
        var trace = ScenarioDriver.Run(target, World.Begin(scenario, callBudget));
        if (target.Description.Can(TargetCapabilities.ScriptableSecureWorld))
        {
            return (trace, new CaseView(scenario, trace, target.Description, Partitions(target.Description)));
        }

        var answered = AnsweredScenario.Of(scenario, trace, out var unread);
        return (trace, new CaseView(answered ?? scenario, trace, target.Description, Partitions(target.Description)) { Unread = unread });
    }

    private PartitionTable Partitions(TargetDescription target) => target.Partitions ?? World.Partitions;

    private RuleResult Failure(ITarget target, Rule rule, RunOptions options, CaseTally tally, TestResult.Failed failed, string seed, Stopwatch clock)
    {
        var original = tally.Original ?? throw new InvalidOperationException($"FsCheck reported a failure of {rule.Id} the runner never saw: {failed.Item4}");
        var shrunk = (Scenario)failed.Item3.Head;
        CaseRun minimal;
        var rerun = "passed when run again, so the failure is flaky";
        try
        {
            minimal = Evaluate(target, rule, shrunk, options.CallBudget);
        }
        catch (Exception e)
        {
            minimal = new CaseRun(shrunk, new Trace([], []), CaseVerdict.NotExercised);
            rerun = $"could not be run again ({e.GetType().Name}: {e.Message})";
        }

        var counterexample = new Counterexample(minimal, original, Seeds.Format(failed.Item6, failed.Item7), tally.Cases, tally.Shrinks);
        var message = counterexample.Reproduced
            ? counterexample.Minimal.Verdict.Finding!.ToString()
            : $"{original.Verdict.Finding} (in the first failing case; the shrunk case {rerun})";
        return new RuleResult(rule.Id, target.Description.Name, RuleOutcome.Failed, message, tally.Cases, tally.Exercised,
            new Dictionary<string, int>(tally.Classes), [], counterexample, seed, clock.Elapsed);
    }

    private static RuleResult Pass(Rule rule, TargetDescription description, CaseTally tally, string seed, Stopwatch clock)
    {
        var classes = new Dictionary<string, int>(tally.Classes);
        var missing = rule.Info.RequiredClasses(description).Where(c => !classes.ContainsKey(c)).ToArray();
        if ((tally.Exercised == 0 || missing.Length > 0) && !description.Can(TargetCapabilities.ScriptableSecureWorld) && rule.Info.Applicability.ReadsAnswers)
        {
            // A real secure world answered as it does, not as the rule's profile asked: what it never gave is no gap of the suite's.
            var never = tally.Exercised == 0 ? "no case exercised the rule" : $"never {string.Join(", ", missing.Select(m => $"'{m}'"))}";
            var gave = string.Join(", ", tally.Answered.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} in {a.Value}"));
            return new RuleResult(rule.Id, description.Name, RuleOutcome.NotExercised,
                $"not exercised by this secure world: {never} in {tally.Cases} cases judged on its answers ({tally.Exercised} exercised the rule); it answered {(gave.Length == 0 ? "nothing" : gave)}",
                tally.Cases, tally.Exercised, classes, missing, null, seed, clock.Elapsed);
        }

        if (tally.Exercised == 0)
        {
            // Nothing failed because nothing was checked: that is no pass, whatever coverage the rule asks for.
            return new RuleResult(rule.Id, description.Name, RuleOutcome.CoverageGap, $"coverage gap: none of the {tally.Cases} cases exercised the rule",
                tally.Cases, 0, classes, [], null, seed, clock.Elapsed);
        }

        if (missing.Length > 0)
        {
            var message = $"coverage gap: never generated {string.Join(", ", missing.Select(m => $"'{m}'"))} in {tally.Cases} cases ({tally.Exercised} exercised the rule)";
            return new RuleResult(rule.Id, description.Name, RuleOutcome.CoverageGap, message, tally.Cases, tally.Exercised, classes, missing, null, seed, clock.Elapsed);
        }

        return new RuleResult(rule.Id, description.Name, RuleOutcome.Passed, $"{tally.Cases} cases, {tally.Exercised} exercised the rule",
            tally.Cases, tally.Exercised, classes, [], null, seed, clock.Elapsed);
    }
}
