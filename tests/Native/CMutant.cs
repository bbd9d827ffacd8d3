using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Runner.Engine;

namespace FfaConformance.Tests.Native;

/// <summary>
/// A C mutant of the reference transport: one text substitution, the rule meant to catch it, how the case must
/// end (failed, crashed, hung, livelock, residency, escaped) and the adapters it is run on. Read from
/// tests/Native/Mutants/*.mutant.
/// </summary>
public sealed record CMutant(string Name, string Why, string Rule, string Outcome, FfaVersion Version, IReadOnlyList<string> Adapters, string Find, string Replace)
{
    public static IReadOnlyList<CMutant> All => [.. Directory.EnumerateFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Native", "Mutants"), "*.mutant")
        .Order(StringComparer.Ordinal)
        .Select(Parse)];

    public static CMutant Parse(string file)
    {
        var lines = File.ReadAllText(file).Split('\n');
        var find = Array.IndexOf(lines, "find");
        var replace = Array.IndexOf(lines, "replace");
        if (find < 0 || replace < find)
        {
            throw new InvalidDataException($"{file}: needs a 'find' line, the text, a 'replace' line, the text");
        }

        var header = lines[..find].Where(l => l.Length > 0).ToDictionary(l => l.Split(' ', 2)[0], l => l.Split(' ', 2)[1]);
        return new CMutant(
            Path.GetFileNameWithoutExtension(file),
            header["why"],
            header["rule"],
            header["outcome"],
            header.TryGetValue("version", out var v) && FfaVersion.TryParse(v, out var version) ? version : FfaVersion.V1_2,
            header.TryGetValue("adapters", out var adapters) ? adapters.Split(' ') : ["native"],
            string.Join('\n', lines[(find + 1)..replace]),
            string.Join('\n', lines[(replace + 1)..]).TrimEnd('\n'));
    }

    /// <summary>The reference source with this mutant's one change.</summary>
    public string Apply(string reference)
    {
        var at = reference.IndexOf(Find, StringComparison.Ordinal);
        if (at < 0 || reference.IndexOf(Find, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidDataException($"mutant {Name}: its 'find' text must occur exactly once in the reference");
        }

        return string.Concat(reference.AsSpan(0, at), Replace, reference.AsSpan(at + Find.Length));
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
            "escaped" => kind == FailureKind.Crash && finding.Text.Contains("escaped the harness's breakpoints", StringComparison.Ordinal),
            _ => throw new InvalidDataException($"mutant {Name}: unknown outcome '{Outcome}'"),
        };
    }

    public override string ToString() => Name;
}
