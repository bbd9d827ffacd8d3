using FfaConformance.Records;

namespace FfaConformance.Reports.Diff;

/// <summary>One register in which two secure worlds answered the same call differently.</summary>
public sealed record AnswerDifference(int Call, string Asked, string Field, string Left, string Right);

/// <summary>
/// Two real secure worlds side by side: the same code asked both the same calls (<see cref="TargetRecord.SecureWorldCalls"/>),
/// so where their answers differ, call by call and register by register, is where the secure worlds differ.
/// </summary>
public static class SecureWorldDiff
{
    /// <summary>
    /// The pairs of a run's targets that compare: each answered by a real secure world, the same source, the same calls
    /// asked, and a different secure world (its provenance note).
    /// </summary>
    public static IEnumerable<(TargetRecord Left, TargetRecord Right)> Pairs(RunRecord run)
    {
        var real = run.Targets.Where(t => t.RealSecureWorld == true && t.SecureWorldCalls is { Count: > 0 }).ToArray();
        for (var i = 0; i < real.Length; i++)
        {
            for (var j = i + 1; j < real.Length; j++)
            {
                if (real[i].Source == real[j].Source && real[i].Note != real[j].Note
                    && real[i].SecureWorldCalls!.Select(c => c.Asked).SequenceEqual(real[j].SecureWorldCalls!.Select(c => c.Asked), StringComparer.Ordinal))
                {
                    yield return (real[i], real[j]);
                }
            }
        }
    }

    /// <summary>Every register that differs, in the call's order: the function answered (x0's name), then x0–x17; an issued register that differs too.</summary>
    public static IReadOnlyList<AnswerDifference> Compare(IReadOnlyList<ProbeCallRecord> left, IReadOnlyList<ProbeCallRecord> right)
    {
        var differences = new List<AnswerDifference>();
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var (a, b) = (left[i].Call, right[i].Call);
            for (var x = 0; x < Math.Min(a.X.Count, b.X.Count); x++)
            {
                if (a.X[x] != b.X[x])
                {
                    differences.Add(new AnswerDifference(i, left[i].Asked, $"issued x{x}", a.X[x], b.X[x]));
                }
            }

            if (a.Answered != b.Answered)
            {
                differences.Add(new AnswerDifference(i, left[i].Asked, "answered", a.Answered ?? "(none)", b.Answered ?? "(none)"));
            }

            var (ra, rb) = (a.Answer ?? [], b.Answer ?? []);
            for (var x = 0; x < Math.Max(ra.Count, rb.Count); x++)
            {
                var (va, vb) = (x < ra.Count ? ra[x] : "—", x < rb.Count ? rb[x] : "—");
                if (va != vb)
                {
                    differences.Add(new AnswerDifference(i, left[i].Asked, $"x{x}", va, vb));
                }
            }
        }

        if (left.Count != right.Count)
        {
            differences.Add(new AnswerDifference(Math.Min(left.Count, right.Count), "(calls)", "count", $"{left.Count}", $"{right.Count}"));
        }

        return differences;
    }
}
