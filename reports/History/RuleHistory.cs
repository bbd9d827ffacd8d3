using FfaConformance.Records;

namespace FfaConformance.Reports.History;

/// <summary>
/// One target × rule across a series of runs (say, one per night), oldest first: its verdict in each run (null
/// where the run did not check it); since when it has been red, when it was last green, and whether it is flaky.
/// Skipped results and runs that did not check it count neither way.
/// </summary>
public sealed record RuleHistory(string Target, string Rule, IReadOnlyList<Verdict?> Verdicts)
{
    /// <summary>Indices of the runs that judged the rule: neither absent nor skipped.</summary>
    private IEnumerable<int> Judged => Enumerable.Range(0, Verdicts.Count).Where(i => Verdicts[i] is { } v && v != Verdict.Skipped);

    private bool Red(int run) => Verdicts[run]!.Value.IsRed();

    /// <summary>Whether the last run that judged it found it red.</summary>
    public bool RedNow => Judged.LastOrDefault(-1) is var last and >= 0 && Red(last);

    /// <summary>The first run of the red streak that reaches the last judging run; null when that run was green.</summary>
    public int? FirstFailure
    {
        get
        {
            int? first = null;
            foreach (var run in Judged.Reverse())
            {
                if (!Red(run))
                {
                    break;
                }

                first = run;
            }

            return first;
        }
    }

    /// <summary>The last run in which it was green (passed, or failed as expected).</summary>
    public int? LastGreen => Judged.Where(run => !Red(run)).Select(run => (int?)run).LastOrDefault();

    /// <summary>Red and green alternated: it turned at least twice.</summary>
    public bool Flaky => Judged.Select(Red).Zip(Judged.Select(Red).Skip(1)).Count(p => p.First != p.Second) >= 2;
}
