using FfaConformance.Adapters.Contract;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Runner.Records;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;

namespace FfaConformance.Runner.Run;

/// <summary>
/// The one conformance run: check a rule on a target, judge the result against the target's expectations,
/// and record it. The NUnit suite asks it for each target × rule; the CLI and the self-tests ask it for all of
/// them. Targets are built when their first rule is checked and disposed with the run; a target that cannot be
/// built gives every one of its rules the same one-line result (skipped or broken), never an exception. With a
/// journal, a target's results from a stopped run are taken up only once it is built and found to be the same
/// (<see cref="TargetDigest"/>).
/// </summary>
public sealed class ConformanceRun : IDisposable
{
    private readonly RuleRunner runner;
    private readonly Dictionary<string, Slot> slots;
    private readonly List<ResultRecord> results = [];
    private readonly Dictionary<(string Target, string Rule), Counterexample> counterexamples = [];
    private readonly DateOnly today;
    private readonly RunJournal? journal;
    private readonly List<string> notes = [];

    public ConformanceRun(RunPlan plan, DateOnly? today = null)
    {
        Plan = plan;
        this.today = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        runner = new RuleRunner(new ManagedSecureWorld(PartitionTable.Default, plan.SecureWorldVersion));
        journal = plan.Journal is { } path && plan.Options.Replay is null ? RunJournal.Open(path, plan.SuiteBuild, plan.Fingerprint) : null;
        slots = [];
        foreach (var target in plan.Targets)
        {
            if (!slots.TryAdd(target.Name, new Slot(target, new Lazy<(ITarget?, TargetUnavailableException?)>(() => Admitted(target, Build(target))))))
            {
                throw new ArgumentException($"the run names target '{target.Name}' twice", nameof(plan));
            }
        }
    }

    public RunPlan Plan { get; }

    /// <summary>What the run has to say besides its results, a sentence each: what its journal held and took up, a baseline it could not read.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            lock (notes)
            {
                return [.. journal?.Notes ?? [], .. notes];
            }
        }
    }

    /// <summary>Adds a sentence to <see cref="Notes"/>.</summary>
    public void Note(string note)
    {
        lock (notes)
        {
            notes.Add(note);
        }
    }

    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    /// <summary>Every result so far, in the order they were checked.</summary>
    public IReadOnlyList<ResultRecord> Results
    {
        get
        {
            lock (results)
            {
                return [.. results];
            }
        }
    }

    public ResultRecord Check(string target, string ruleId)
    {
        var slot = slots.GetValueOrDefault(target) ?? throw new ArgumentException($"no target '{target}' in this run; it has: {string.Join(", ", slots.Keys)}", nameof(target));
        var rule = RuleCatalogue.Get(ruleId);

        // Built first: what a stopped run found is taken up only for the target as it is now.
        var (built, problem) = slot.Target.Value;
        if (journal?.Finished(target, ruleId) is { } done)
        {
            lock (results)
            {
                results.Add(done);
            }

            return done;
        }

        var options = Plan.Options with { MaxTest = slot.Plan.MaxTest ?? Plan.Options.MaxTest };
        var resumption = journal?.Interrupted(target, ruleId);
        using var written = journal?.For(target, ruleId);
        var result = built is null
            ? RuleResult.Empty(ruleId, target, problem!.Skip ? RuleOutcome.Unavailable : RuleOutcome.Broken, problem.Message)
            : Plan.Examples is { } examples && options.Replay is null
                ? CheckWithExamples(examples, built, rule, options, resumption, written)
                : runner.Check(built, rule, options, resumption, written);
        var record = RecordBuilder.Result(result, Judgement.Of(result, slot.Plan.Expectations.GetValueOrDefault(ruleId), today),
            built?.Description, replay => Plan.ReplayCommand(target, ruleId, replay));
        lock (results)
        {
            results.Add(record);
            if (result.Counterexample is { } counterexample)
            {
                counterexamples[(target, ruleId)] = counterexample;
            }
        }

        journal?.Done(record);
        return record;
    }

    /// <summary>
    /// Kept counterexamples first: one that fails again is the result; when all pass, they leave the database and
    /// the result says so, and the rule is checked with fresh cases, whose shrunk counterexample is kept.
    /// </summary>
    private RuleResult CheckWithExamples(ExampleDatabase examples, ITarget target, Rules.Model.Rule rule, RunOptions options, Resumption? resumption, ICaseJournal? written)
    {
        var name = target.Description.Name;
        IReadOnlyList<KeptExample> kept;
        try
        {
            kept = examples.Load(name, rule.Id);
        }
        catch (InvalidDataException e)
        {
            return RuleResult.Empty(rule.Id, name, RuleOutcome.Broken, e.Message);
        }

        // A case kept before the target changed (a binding that lost a width, a driver with another endpoint ID) is
        // no case of this target: it is not run, so it can neither fail nor pass, and it leaves the database.
        var context = runner.Context(target.Description);
        var refusals = kept.Select(k => (Example: k, Why: context.Refuses(k.Scenario))).ToArray();
        var takeable = refusals.Where(r => r.Why is null).Select(r => r.Example).ToArray();
        var untakeable = refusals.Select(r => r.Why).OfType<string>().ToArray();
        try
        {
            // A resumed rule ran its kept cases before the run stopped.
            if (resumption is null && runner.FailsAgain(target, rule, takeable, options) is { } again)
            {
                return again;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return RuleResult.Empty(rule.Id, name, RuleOutcome.Broken,
                $"the {target.Description.Adapter} adapter failed while running a counterexample kept in {examples.FileOf(name, rule.Id)}: {e.GetType().Name}: {e.Message}; if the target has changed since, delete the file");
        }

        var result = runner.Check(target, rule, options, resumption, written);
        if (result.Outcome is RuleOutcome.NotApplicable or RuleOutcome.NotExercised)
        {
            return result;
        }

        IReadOnlyList<KeptExample> keep = result.Counterexample is { Reproduced: true } found
            ? [new KeptExample(DateTimeOffset.UtcNow, found.Minimal.Verdict.Finding!.ToString(), found.Minimal.Scenario)]
            : [];
        var message = takeable.Length == 0 ? result.Message
            : $"{result.Message}; {takeable.Length} counterexample(s) kept since {takeable.Min(k => k.Found):yyyy-MM-dd} pass now and left {examples.FileOf(name, rule.Id)}";
        if (untakeable.Length > 0)
        {
            message = $"{message}; {untakeable.Length} counterexample(s) kept in {examples.FileOf(name, rule.Id)} were not run and left it, since the target cannot take them ({untakeable[0]})";
        }
        try
        {
            examples.Keep(name, rule.Id, keep);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The verdict stands; the database's failure is said where the verdict is read.
            message = $"{message} (the counterexample database could not be written, {examples.FileOf(name, rule.Id)}: {e.Message}; set Run:Examples to a writable directory, or to none)";
        }

        return result with { Message = message };
    }

    /// <summary>The engine's counterexample behind a failing result's evidence (scenario and trace as objects), for tests that compare them.</summary>
    public Counterexample? CounterexampleOf(string target, string ruleId)
    {
        lock (results)
        {
            return counterexamples.GetValueOrDefault((target, ruleId));
        }
    }

    /// <summary>Every rule on every target, in catalogue order.</summary>
    public IReadOnlyList<ResultRecord> CheckAll() =>
        [.. Plan.Targets.SelectMany(t => RuleCatalogue.All.Select(r => Check(t.Name, r.Id)))];

    /// <summary>The run record of everything checked so far.</summary>
    public RunRecord Record()
    {
        var checkedResults = Results;
        var done = checkedResults.Select(r => (r.Target, r.Rule)).ToHashSet();
        var complete = Plan.Options.Replay is null
            && Plan.Targets.All(t => RuleCatalogue.All.All(r => done.Contains((t.Name, r.Id))));
        var info = Info(DateTimeOffset.UtcNow, complete);
        var targets = Plan.Targets
            .Where(t => checkedResults.Any(r => r.Target == t.Name))
            .Select(t =>
            {
                var slot = slots[t.Name];
                var (built, problem) = slot.Target.IsValueCreated ? slot.Target.Value : (null, null);
                return RecordBuilder.Target(t.Name, t.Adapter, t.Version, t.MaxTest ?? Plan.Options.MaxTest, built?.Description, problem?.Message, checkedResults.Where(r => r.Target == t.Name));
            });
        return new RunRecord(RunRecord.CurrentFormat, info, RecordBuilder.Rules(), [.. targets], checkedResults);
    }

    /// <summary>
    /// The record of this run before any result is in: every rule of every target not checked, saying so. Written
    /// where a lab reads results as the run starts, so that a run that never finishes cannot leave an earlier
    /// run's verdicts standing for its own.
    /// </summary>
    public RunRecord Unfinished() =>
        RecordBuilder.Unchecked(
            Info(Started, complete: false),
            Plan.Targets.Select(t => (t.Name, t.Adapter, t.Version.ToString(), (int?)(t.MaxTest ?? Plan.Options.MaxTest))),
            $"not checked: the run that started at {Started:yyyy-MM-dd HH:mm:ss} UTC has not finished (it is still running, or it stopped before it checked this rule)");

    private RunInfo Info(DateTimeOffset finished, bool complete)
    {
        var (host, runtime) = RecordBuilder.Environment();
        return new RunInfo($"{Started:yyyyMMdd-HHmmss}", Started, finished, host, runtime, Plan.Commit,
            Plan.Options.MaxTest, Plan.Options.CallBudget, Plan.SecureWorldVersion.ToString(), Plan.Options.Replay, complete)
        {
            Notes = Notes,
        };
    }

    /// <summary>The run has ended and its results are written, or they cannot be: its journal goes, nothing is left to resume.</summary>
    public void End() => journal?.End();

    public void Dispose()
    {
        journal?.Dispose();
        foreach (var slot in slots.Values.Where(s => s.Target.IsValueCreated))
        {
            slot.Target.Value.Target?.Dispose();
        }
    }

    /// <summary>The target as built, admitted to the journal under the digest of everything that defines its verdicts.</summary>
    private (ITarget?, TargetUnavailableException?) Admitted(RunTarget target, (ITarget? Target, TargetUnavailableException? Problem) built)
    {
        journal?.Admit(target.Name, built.Target is { } ready ? TargetDigest.Of(Plan, target, ready.Description, today) : null);
        return built;
    }

    private static (ITarget?, TargetUnavailableException?) Build(RunTarget target)
    {
        try
        {
            return (target.Build(), null);
        }
        catch (TargetUnavailableException problem)
        {
            return (null, problem);
        }
        catch (Exception e)
        {
            return (null, new TargetUnavailableException($"target {target.Name} could not be built: {e.GetType().Name}: {e.Message}", skip: false));
        }
    }

    private sealed record Slot(RunTarget Plan, Lazy<(ITarget? Target, TargetUnavailableException? Problem)> Target);
}
