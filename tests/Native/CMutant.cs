using FfaConformance.Abi;
using FfaConformance.Records;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Tests.Native;

/// <summary>
/// A C mutant of a transport: text substitutions (each 'find' text occurs once in the original), the rule meant
/// to catch it, how the case must end (failed, crashed, hung, livelock, residency, unrelocated, escaped) and the adapters it
/// is run on. Read from tests/Native/Mutants/*.mutant (of the C reference), tests/Linux/Mutants/*.mutant (of
/// Linux's driver.c) and tests/Bindings/Mutants/*.mutant (of edk2's ArmFfaCommon.c). The first <see cref="Repairs"/>
/// changes ('repairs N' in the header) mend a deviation the original has, so that the rule passes before the rest break it.
/// </summary>
public sealed record CMutant(string Name, string Why, string Rule, string Outcome, FfaVersion Version, IReadOnlyList<string> Adapters, IReadOnlyList<(string Find, string Replace)> Changes)
{
    public int Repairs { get; init; }

    public static IReadOnlyList<CMutant> All => In(Path.Combine("Native", "Mutants"));

    /// <summary>The mutants of a folder of the test output.</summary>
    public static IReadOnlyList<CMutant> In(string folder) => [.. Directory.EnumerateFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, folder), "*.mutant")
        .Order(StringComparer.Ordinal)
        .Select(Parse)];

    public static CMutant Parse(string file)
    {
        var lines = File.ReadAllText(file).Split('\n');
        var marks = lines.Select((line, i) => (line, i)).Where(p => p.line is "find" or "replace").ToArray();
        if (marks.Length == 0 || marks.Length % 2 != 0 || marks.Where((m, i) => m.line != (i % 2 == 0 ? "find" : "replace")).Any())
        {
            throw new InvalidDataException($"{file}: needs 'find' lines, each followed by its text, a 'replace' line and its text");
        }

        var ends = marks.Select(m => m.i).Append(lines.Length).ToArray();
        string Text(int mark) => string.Join('\n', lines[(ends[mark] + 1)..ends[mark + 1]]).TrimEnd('\n');
        var header = lines[..marks[0].i].Where(l => l.Length > 0).ToDictionary(l => l.Split(' ', 2)[0], l => l.Split(' ', 2)[1]);
        return new CMutant(
            Path.GetFileNameWithoutExtension(file),
            header["why"],
            header["rule"],
            header["outcome"],
            header.TryGetValue("version", out var v) && FfaVersion.TryParse(v, out var version) ? version : FfaVersion.V1_2,
            header.TryGetValue("adapters", out var adapters) ? adapters.Split(' ') : ["native"],
            [.. Enumerable.Range(0, marks.Length / 2).Select(p => (Text(2 * p), Text((2 * p) + 1)))])
        {
            Repairs = header.TryGetValue("repairs", out var repairs) ? int.Parse(repairs, System.Globalization.CultureInfo.InvariantCulture) : 0,
        };
    }

    /// <summary>The original source with this mutant's changes.</summary>
    public string Apply(string original) => Apply(original, Changes);

    /// <summary>The original source with only this mutant's repairs: what its rule must pass before the mutation.</summary>
    public string Repaired(string original) => Apply(original, Changes.Take(Repairs));

    private string Apply(string original, IEnumerable<(string Find, string Replace)> changes)
    {
        foreach (var (find, replace) in changes)
        {
            var at = original.IndexOf(find, StringComparison.Ordinal);
            if (at < 0 || original.IndexOf(find, at + 1, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidDataException($"mutant {Name}: its 'find' text must occur exactly once in the original:\n{find}");
            }

            original = string.Concat(original.AsSpan(0, at), replace, original.AsSpan(at + find.Length));
        }

        return original;
    }

    /// <summary>
    /// The mutant was caught by its rule, its failing case ended the way <see cref="Outcome"/> says, and the same
    /// target then ran a case the mutation does not touch (<paramref name="afterwards"/>) normally.
    /// </summary>
    public void AssertCaught(RuleResult result, CaseRun afterwards)
    {
        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Failed), $"{Name} ({Why}) was not caught: {result.Message}");
        Assert.That(EndsAsExpected(result), Is.True, result.Counterexample is null ? result.Message : Support.Messages.Of(result));
        Assert.That(afterwards.Verdict.Finding, Is.Null, $"the target did not go on after {Name}");
    }

    /// <summary>Whether the failing case ended the way <see cref="Outcome"/> says.</summary>
    public bool EndsAsExpected(RuleResult result)
    {
        if (result.Counterexample?.Failing is not { Verdict: { Finding: { } finding, Kind: var kind } })
        {
            return false;
        }

        return Outcome switch
        {
            "failed" => kind == FailureKind.Finding,
            "crashed" => kind == FailureKind.Crash,
            "hung" => kind == FailureKind.Hang,
            "livelock" => kind == FailureKind.Livelock,
            "residency" => kind == FailureKind.Residency,
            "unrelocated" => kind == FailureKind.Unrelocated,
            "escaped" => kind == FailureKind.Crash && finding.Text.Contains("escaped the harness's traps", StringComparison.Ordinal),
            _ => throw new InvalidDataException($"mutant {Name}: unknown outcome '{Outcome}'"),
        };
    }

    public override string ToString() => Name;
}
