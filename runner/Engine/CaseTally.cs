using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Runner.Engine;

/// <summary>
/// The runner's own count of one rule's run, kept as FsCheck evaluates the property: every case generated
/// before the first failure is counted with its classes (FsCheck's stamps are percentages and include shrink
/// steps, so they are never read); the first failing case is kept as it was; evaluations after it are shrink
/// steps. Shrinking stops running cases once <see cref="RuleRunner.HungShrinkBudget"/> of them have hung, so a target
/// that hangs in every case costs a bounded number of timeouts per rule. An exception out of the adapter or
/// the rule stops the run: no further case is run and the rule is reported broken. A resumed run generates its
/// cases again from the same seed and skips those that ran before (<see cref="Resumption"/>).
/// </summary>
internal sealed class CaseTally(Func<Scenario, CaseRun> run, Resumption? resumption = null, ICaseJournal? journal = null, bool countAnswers = false)
{
    private readonly Dictionary<string, int> classes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> answered = new(StringComparer.Ordinal);
    private readonly System.Diagnostics.Stopwatch clock = new();
    private int hungShrinks;
    private int generated;

    public int Cases { get; private set; }

    public int Exercised { get; private set; }

    public IReadOnlyDictionary<string, int> Classes => classes;

    /// <summary>
    /// How many cases the secure world gave each class of answer in, exercising the rule or not; counted only where a real
    /// secure world answered (<c>countAnswers</c>), since a script's answers are what the profile asked for.
    /// </summary>
    public IReadOnlyDictionary<string, int> Answered => answered;

    public CaseRun? Original { get; private set; }

    public int Shrinks { get; private set; }

    public Exception? Error { get; private set; }

    /// <summary>On a resumed run, the case that was running when the run stopped, generated again.</summary>
    public Scenario? Lost { get; private set; }

    /// <summary>The property FsCheck checks: true when the case passes (or is not run at all).</summary>
    public bool Passes(Scenario scenario)
    {
        var shrinking = Original is not null;
        if (Error is not null || (shrinking && hungShrinks >= RuleRunner.HungShrinkBudget))
        {
            return true;
        }

        if (!shrinking)
        {
            generated++;
            if (generated <= (resumption?.Skip ?? 0))
            {
                return true;
            }

            if (generated == resumption?.Lost)
            {
                Lost = scenario;
                return true;
            }

            journal?.Case(generated, clock.Elapsed);
            clock.Restart();
        }

        CaseRun result;
        try
        {
            result = run(scenario);
        }
        catch (Exception e)
        {
            Error = e;
            return true;
        }

        var verdict = result.Verdict;
        if (shrinking)
        {
            Shrinks += verdict.Failed ? 1 : 0;
            hungShrinks += result.Trace.Steps.Any(s => s.Outcome is Stopped { Reason: StopReason.Hung }) ? 1 : 0;
            return !verdict.Failed;
        }

        Cases++;
        foreach (var label in countAnswers ? result.Answers.Distinct() : [])
        {
            answered[label] = answered.GetValueOrDefault(label) + 1;
        }

        if (verdict.Exercised)
        {
            Exercised++;
            foreach (var label in verdict.Classes.Distinct())
            {
                classes[label] = classes.GetValueOrDefault(label) + 1;
            }
        }

        if (verdict.Failed)
        {
            Original = result;
            journal?.Failed(generated);
        }

        return !verdict.Failed;
    }
}
