using FfaConformance.Adapters.Contract;
using FfaConformance.Generators;
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
/// target against the managed secure world, judge the trace, shrink a failure, and gate on coverage.
/// </summary>
public sealed class RuleRunner(ManagedSecureWorld world)
{
    private const string NotExercised = "not exercised";

    public ManagedSecureWorld World { get; } = world;

    public RuleResult Check(ITarget target, Rule rule, RunOptions options)
    {
        var clock = Stopwatch.StartNew();
        var description = target.Description;
        if (rule.Info.Applicability.WhyNot(description) is { } why)
        {
            return new RuleResult(rule.Id, description.Name, RuleOutcome.NotApplicable, why, 0, 0,
                new Dictionary<string, int>(), [], null, string.Empty, clock.Elapsed);
        }

        var replay = options.Replay is null ? Seeds.Fresh()
            : Seeds.TryParse(options.Replay, out var parsed) ? parsed
            : throw new ArgumentException($"replay '{options.Replay}' is not 'seed,gamma' or 'seed,gamma,size'", nameof(options));
        var arbitrary = ScenarioArbitrary.For(rule.Info.Profile, new GenerationContext(World.Partitions, description.Version));
        var property = Prop.ForAll(arbitrary, scenario => Judge(Evaluate(target, rule, scenario, options.CallBudget, out _)));
        var runner = new CapturingRunner();
        var config = Config.Quick
            .WithMaxTest(options.MaxTest)
            .WithReplay(FSharpOption<Replay>.Some(replay))
            .WithRunner(runner)
            .WithName(rule.Id);
        FsCheck.Check.One(config, property);

        var seed = Seeds.Format(replay.Rnd);
        return runner.Result switch
        {
            TestResult.Failed failed => Failure(target, rule, options, failed, seed, clock),
            TestResult.Passed passed => Pass(rule, description, passed.Item1, seed, clock),
            _ => throw new InvalidOperationException($"FsCheck gave up on {rule.Id}: {runner.Result}"),
        };
    }

    /// <summary>Runs one scenario on the target and lets the rule judge it.</summary>
    public CaseVerdict Evaluate(ITarget target, Rule rule, Scenario scenario, int callBudget, out Trace trace)
    {
        trace = ScenarioDriver.Run(target, World.Begin(scenario, callBudget));
        return rule.Check(new CaseView(scenario, trace, target.Description, World.Partitions));
    }

    private static Property Judge(CaseVerdict verdict)
    {
        var property = Prop.ToProperty(!verdict.Failed);
        if (!verdict.Exercised)
        {
            return property.Classify(true, NotExercised);
        }

        foreach (var label in verdict.Classes.Distinct())
        {
            property = property.Classify(true, label);
        }

        return property;
    }

    private RuleResult Failure(ITarget target, Rule rule, RunOptions options, TestResult.Failed failed, string seed, Stopwatch clock)
    {
        var data = failed.Item1;
        var scenario = (Scenario)failed.Item3.Head;
        var verdict = Evaluate(target, rule, scenario, options.CallBudget, out var trace);
        var finding = verdict.Finding
            ?? new Finding($"the failure did not reproduce when the shrunk case was run again: {failed.Item4}");
        var counterexample = new Counterexample(scenario, trace, finding, Seeds.Format(failed.Item6, failed.Item7),
            data.NumberOfTests, data.NumberOfShrinks);
        // FsCheck's stamps of a failed run also count the shrink steps, so no coverage is reported for it.
        return new RuleResult(rule.Id, target.Description.Name, RuleOutcome.Failed, finding.ToString(), data.NumberOfTests,
            0, new Dictionary<string, int>(), [], counterexample, seed, clock.Elapsed);
    }

    private static RuleResult Pass(Rule rule, TargetDescription target, TestData data, string seed, Stopwatch clock)
    {
        var (classes, exercised) = Tally(data);
        var missing = rule.Info.RequiredClasses(target.Version).Where(c => !classes.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            var message = $"coverage gap: never generated {string.Join(", ", missing.Select(m => $"'{m}'"))} in {data.NumberOfTests} cases ({exercised} exercised the rule)";
            return new RuleResult(rule.Id, target.Name, RuleOutcome.CoverageGap, message, data.NumberOfTests, exercised, classes, missing, null, seed, clock.Elapsed);
        }

        return new RuleResult(rule.Id, target.Name, RuleOutcome.Passed, $"{data.NumberOfTests} cases, {exercised} exercised the rule",
            data.NumberOfTests, exercised, classes, [], null, seed, clock.Elapsed);
    }

    private static (Dictionary<string, int> Classes, int Exercised) Tally(TestData data)
    {
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var stamp in data.Stamps)
        {
            foreach (var label in stamp.Item2)
            {
                classes[label] = classes.GetValueOrDefault(label) + stamp.Item1;
            }
        }

        var idle = classes.GetValueOrDefault(NotExercised);
        classes.Remove(NotExercised);
        return (classes, data.NumberOfTests - idle);
    }
}
