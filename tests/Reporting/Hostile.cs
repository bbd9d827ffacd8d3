using FfaConformance.Records;

namespace FfaConformance.Tests.Reporting;

/// <summary>
/// A run whose every text field is hostile: markup and script, both kinds of quote, control characters, a
/// lone surrogate, and a very long string — what a target name, a source path or a message might hold.
/// </summary>
internal static class Hostile
{
    public const string Script = "<script>window.pwned=1</script>";
    public const string Attribute = "\" onmouseover=\"window.pwned=2\" x='";
    public const string Control = "nul\u0000 bell\u0007 esc\u001b[31m del\u007f ls\u2028 lone\ud800 end";

    public static readonly string Long = string.Concat(Enumerable.Repeat("0123456789abcdef", 6250));   // 100,000 characters

    public static string Text(string original) => $"{original} {Script} {Attribute} {Control} </style></pre></textarea>";

    /// <summary>The same run with hostile text in target names, statements, explanations, evidence, metadata.</summary>
    public static RunRecord Of(RunRecord run)
    {
        var name = run.Targets[0].Name;
        string Rename(string target) => target == name ? Text(target) : target;
        return run with
        {
            Run = run.Run with { Id = Text(run.Run.Id), Host = Text(run.Run.Host), Commit = Long, Notes = [Text("a note"), Long] },
            Rules = [.. run.Rules.Select(r => r with { Statement = Text(r.Statement), Basis = Text(r.Basis) })],
            Targets = [.. run.Targets.Select(t => t with { Name = Rename(t.Name), Source = Text(t.Source ?? string.Empty), Note = Long })],
            Results = [.. run.Results.Select(r => r with
            {
                Target = Rename(r.Target),
                Explanation = Text(r.Explanation),
                Seed = Text(r.Seed),
                Classes = r.Classes.ToDictionary(c => Text(c.Key), c => c.Value),
                Expectation = r.Expectation is { } e ? e with { Reason = Text(e.Reason), Reference = Long } : null,
                Evidence = r.Evidence is { } ev ? ev with
                {
                    Minimal = Case(ev.Minimal),
                    Original = Case(ev.Original),
                    ReplayCommand = Text(ev.ReplayCommand ?? string.Empty),
                } : null,
            })],
        };
    }

    private static CaseRecord Case(CaseRecord run) => run with
    {
        Scenario = Text(run.Scenario),
        Finding = run.Finding is { } f ? f with { Text = Text(f.Text), Actual = Text(f.Actual ?? string.Empty) } : null,
        Steps = [.. run.Steps.Select(s => s with { Step = Text(s.Step), Outcome = Text(s.Outcome) })],
    };
}
