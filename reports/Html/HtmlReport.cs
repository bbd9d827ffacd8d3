using System.Globalization;
using System.Reflection;
using System.Text;
using FfaConformance.Records;
using FfaConformance.Reports.Diff;
using FfaConformance.Reports.History;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Reports.Html;

/// <summary>
/// The reviewers' page: one self-contained HTML file (styles, script and charts inline; nothing fetched) with
/// the summary, the rules × targets matrix by area, a panel per cell — evidence for failures, coverage charts
/// for all — the expectations, the changes since a baseline run, and the run's metadata.
/// </summary>
public static class HtmlReport
{
    /// <summary>
    /// The page; <paramref name="baselineProblem"/> says why a baseline that was asked for is missing, and
    /// <paramref name="series"/>, for a page made from several runs, gives each target × rule's history through them.
    /// </summary>
    public static string Render(RunRecord run, RunRecord? baseline = null, string? baselineProblem = null, RunSeries? series = null)
    {
        var results = run.Results.ToDictionary(r => (r.Target, r.Rule));
        var index = run.Results.Select((r, i) => (r, i)).ToDictionary(p => (p.r.Target, p.r.Rule), p => p.i);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")
            .Append("<title>FfaConformance report ").Append(Html.Text(run.Run.Id)).Append("</title><style>").Append(Resource("report.css")).Append("</style></head>\n")
            .Append("<body data-ready=\"0\">");
        Header(html, run);
        Summary(html, run);
        SecureWorlds(html, run);
        Matrix(html, run, results, index);
        Panels(html, run);
        Expectations(html, run, index);
        Changes(html, run, baseline, baselineProblem, index);
        if (series is not null)
        {
            History(html, series);
        }

        Metadata(html, run);
        html.Append("<script>").Append(Resource("report.js")).Append("</script></body></html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, RunRecord run)
    {
        var info = run.Run;
        html.Append("<header><h1>FfaConformance report</h1><p class=\"muted\">Run ").Append(Html.Text(info.Id))
            .Append(CultureInfo.InvariantCulture, $", {info.Started.UtcDateTime:yyyy-MM-dd HH:mm:ss} – {info.Finished.UtcDateTime:HH:mm:ss} UTC ({(info.Finished - info.Started).TotalSeconds:0.0} s), ")
            .Append(CultureInfo.InvariantCulture, $"{run.Targets.Count} targets, {run.Rules.Count} rules, {Html.Number(run.Results.Sum(r => (double)r.Cases))} cases.</p>");
        if (info.Notes.Count > 0)
        {
            // What the run says besides its results: a stopped run taken up, a target checked again, a baseline not read.
            html.Append("<ul class=\"notes\">");
            foreach (var note in info.Notes)
            {
                html.Append("<li>").Append(Html.Text(note)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</header>");
    }

    /// <summary>
    /// The targets a real secure world answered: what it told the probe, and the classes of answer it gave, over every
    /// case of every rule (a case counts once per class per rule), so a reviewer sees what the verdicts stand on.
    /// </summary>
    private static void SecureWorlds(StringBuilder html, RunRecord run)
    {
        var real = run.Targets.Where(t => t.RealSecureWorld == true).ToArray();
        if (real.Length == 0)
        {
            return;
        }

        html.Append("<section id=\"secure-worlds\"><h2>Real secure worlds</h2><table><thead><tr><th>target</th><th>what it is, and what its probe found</th>")
            .Append("<th>answers it gave (cases, summed over its rules)</th><th>rules not exercised</th></tr></thead><tbody>");
        foreach (var target in real)
        {
            var mine = run.Results.Where(r => r.Target == target.Name).ToArray();
            var answered = mine.SelectMany(r => r.Answered ?? new Dictionary<string, int>()).GroupBy(a => a.Key, StringComparer.Ordinal)
                .Select(g => (Class: g.Key, Cases: g.Sum(a => a.Value))).OrderByDescending(a => a.Cases).ThenBy(a => a.Class, StringComparer.Ordinal);
            html.Append("<tr><td>").Append(Html.Text(target.Name)).Append("</td><td>").Append(Html.Text(target.Note ?? target.Unavailable ?? string.Empty)).Append("</td><td>")
                .Append(Html.Text(string.Join(", ", answered.Select(a => $"{a.Class} {a.Cases}")))).Append("</td><td>")
                .Append(CultureInfo.InvariantCulture, $"{mine.Count(r => r.Outcome == RuleOutcome.NotExercised)}</td></tr>");
        }

        html.Append("</tbody></table>");
        foreach (var (left, right) in SecureWorldDiff.Pairs(run))
        {
            var differences = SecureWorldDiff.Compare(left.SecureWorldCalls!, right.SecureWorldCalls!);
            html.Append("<h3>").Append(Html.Text(left.Name)).Append(" and ").Append(Html.Text(right.Name)).Append(" side by side</h3><p class=\"muted\">")
                .Append(CultureInfo.InvariantCulture, $"The same code asked both secure worlds the same {left.SecureWorldCalls!.Count} calls; ")
                .Append(differences.Count == 0 ? "every answer was the same, register for register.</p>" : $"{differences.Count} registers differ.</p>");
            if (differences.Count > 0)
            {
                html.Append("<table><thead><tr><th>call</th><th>asked</th><th>field</th><th>").Append(Html.Text(left.Name)).Append("</th><th>")
                    .Append(Html.Text(right.Name)).Append("</th></tr></thead><tbody>");
                foreach (var d in differences)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{d.Call + 1}</td><td>").Append(Html.Text(d.Asked)).Append("</td><td>").Append(Html.Text(d.Field))
                        .Append("</td><td><code>").Append(Html.Text(d.Left)).Append("</code></td><td><code>").Append(Html.Text(d.Right)).Append("</code></td></tr>");
                }

                html.Append("</tbody></table>");
            }
        }

        html.Append("</section>");
    }

    private static void Summary(StringBuilder html, RunRecord run)
    {
        var verdicts = Enum.GetValues<Verdict>();
        html.Append("<section id=\"summary\"><h2>Summary</h2><table class=\"counts\"><thead><tr><th>target</th><th>adapter</th><th>version</th>");
        foreach (var verdict in verdicts)
        {
            html.Append("<th>").Append(Html.Text(Verdicts.Word(verdict))).Append("</th>");
        }

        html.Append("<th>rules</th></tr></thead><tbody>");
        foreach (var target in run.Targets)
        {
            var mine = run.Results.Where(r => r.Target == target.Name).ToArray();
            html.Append("<tr><td>").Append(Html.Text(target.Name)).Append("</td><td>").Append(Html.Text(target.Adapter)).Append("</td><td>").Append(Html.Text(target.Version)).Append("</td>");
            foreach (var verdict in verdicts)
            {
                var n = mine.Count(r => r.Verdict == verdict);
                html.Append(n == 0 ? "<td class=\"muted\">0</td>" : $"<td class=\"n-{verdict}\">{n}</td>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<td>{mine.Length}</td></tr>");
        }

        html.Append("<tr><th>all</th><th></th><th></th>");
        foreach (var verdict in verdicts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{run.Results.Count(r => r.Verdict == verdict)}</th>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<th>{run.Results.Count}</th></tr></tbody></table>");
        var skipped = run.Results.Where(r => r.Verdict == Verdict.Skipped)
            .GroupBy(r => (r.Target, r.Explanation)).OrderBy(g => g.Key.Target, StringComparer.Ordinal).ToArray();
        if (skipped.Length > 0)
        {
            html.Append("<h3>Skipped, and why</h3><ul class=\"skipped\">");
            foreach (var group in skipped)
            {
                html.Append("<li><b>").Append(Html.Text(group.Key.Target)).Append("</b>: ").Append(Html.Text(group.Key.Explanation))
                    .Append(CultureInfo.InvariantCulture, $" <span class=\"muted\">({group.Count()} rules: {Html.Text(string.Join(", ", group.Select(r => r.Rule)))})</span></li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>");
    }

    private static void Matrix(StringBuilder html, RunRecord run, Dictionary<(string, string), ResultRecord> results, Dictionary<(string, string), int> index)
    {
        html.Append("<section id=\"rules\"><h2>Rules × targets</h2><div class=\"filters\">")
            .Append("<label>Target<select id=\"f-target\"><option value=\"\">all targets</option>");
        foreach (var target in run.Targets)
        {
            html.Append("<option value=\"").Append(Html.Text(target.Name)).Append("\">").Append(Html.Text(target.Name)).Append("</option>");
        }

        html.Append("</select></label><label>Rule (ID or words of its statement)<input id=\"f-rule\" type=\"search\" placeholder=\"e.g. INV-ERRNO\"></label>")
            .Append("<label>Outcome<select id=\"f-outcome\"><option value=\"\">any outcome</option>");
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{verdict}\">{Html.Text(Verdicts.Word(verdict))}</option>");
        }

        html.Append("</select></label><span id=\"f-count\" class=\"muted\"></span></div>")
            .Append("<table id=\"matrix\"><thead><tr><th>rule</th><th>level</th><th>statement</th>");
        foreach (var target in run.Targets)
        {
            html.Append("<th data-col=\"").Append(Html.Text(target.Name)).Append("\">").Append(Html.Text(target.Name)).Append("</th>");
        }

        html.Append("</tr></thead>");
        foreach (var area in run.Rules.GroupBy(r => r.Area))
        {
            html.Append("<tbody class=\"area\"><tr><th colspan=\"").Append(3 + run.Targets.Count).Append("\">").Append(Html.Text(AreaName(area.Key))).Append("</th></tr>");
            foreach (var rule in area)
            {
                html.Append("<tr class=\"rule\" data-search=\"").Append(Html.Text($"{rule.Id} {rule.Statement}".ToLowerInvariant())).Append("\"><td><code>")
                    .Append(Html.Text(rule.Id)).Append("</code></td><td class=\"level\">").Append(Html.Text(rule.Level)).Append("</td><td class=\"statement\">").Append(Html.Text(rule.Statement)).Append("</td>");
                foreach (var target in run.Targets)
                {
                    if (results.TryGetValue((target.Name, rule.Id), out var result))
                    {
                        var verdict = result.Verdict;
                        html.Append("<td class=\"cell\" data-col=\"").Append(Html.Text(target.Name)).Append(CultureInfo.InvariantCulture, $"\" data-verdict=\"{verdict}\">")
                            .Append(CultureInfo.InvariantCulture, $"<button class=\"cell v-{verdict}\" data-panel=\"r-{index[(target.Name, rule.Id)]}\" title=\"")
                            .Append(Html.Text(result.Explanation)).Append("\">").Append(Html.Text(Verdicts.Mark(verdict))).Append("</button></td>");
                    }
                    else
                    {
                        html.Append("<td class=\"cell muted\" data-col=\"").Append(Html.Text(target.Name)).Append("\">—</td>");
                    }
                }

                html.Append("</tr>");
            }

            html.Append("</tbody>");
        }

        html.Append("</table></section>");
    }

    private static void Panels(StringBuilder html, RunRecord run)
    {
        var rules = run.Rules.ToDictionary(r => r.Id);
        html.Append("<section id=\"panels\">");
        for (var i = 0; i < run.Results.Count; i++)
        {
            var result = run.Results[i];
            var rule = rules.GetValueOrDefault(result.Rule);
            var verdict = result.Verdict;
            html.Append(CultureInfo.InvariantCulture, $"<article class=\"panel result\" id=\"r-{i}\" hidden><header><h3>")
                .Append("<code>").Append(Html.Text(result.Rule)).Append("</code> on ").Append(Html.Text(result.Target))
                .Append(CultureInfo.InvariantCulture, $" <span class=\"badge v-{verdict}\">{Html.Text(Verdicts.Mark(verdict))}</span></h3>")
                .Append("<button class=\"close\" type=\"button\">close</button></header>");
            if (rule is not null)
            {
                html.Append("<p><b>").Append(Html.Text(rule.Level)).Append("</b> ").Append(Html.Text(rule.Statement)).Append("</p>");
            }

            html.Append("<p class=\"explanation\">").Append(Html.Text(result.Explanation)).Append("</p>");
            if (result.Evidence is { } evidence)
            {
                Evidence(html, evidence, i);
            }

            if (rule is not null)
            {
                html.Append("<p class=\"muted\"><b>Basis:</b> ").Append(Html.Text(rule.Basis)).Append("</p>");
            }

            var upTo = result.Outcome == RuleOutcome.Failed ? ", up to and including the first failing case" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<h4>What was generated ({Html.Number(result.Cases)} cases{upTo}, {Html.Number(result.Exercised)} exercised the rule; seed {Html.Text(result.Seed)}, {result.Seconds:0.00} s)</h4>")
                .Append(CoverageChart.Render(result.Classes, result.MissingClasses))
                .Append("</article>");
        }

        html.Append("</section>");
    }

    private static void Evidence(StringBuilder html, EvidenceRecord evidence, int i)
    {
        var failing = evidence.Failing;
        var finding = failing.Finding!;
        html.Append("<div class=\"evidence\"><h4>Finding: ").Append(Html.Text(FailureKinds.Phrase(failing.Kind))).Append("</h4><p>").Append(Html.Text(finding.ToString())).Append("</p>");
        if (evidence.Judged is { } judged)
        {
            html.Append("<p class=\"muted\"><b>Judged:</b> ").Append(Html.Text(judged)).Append("</p>");
        }

        if (finding.Expected is not null)
        {
            html.Append("<dl class=\"expect\"><dt>field</dt><dd>").Append(Html.Text(finding.Field?.ToString() ?? "—"))
                .Append("</dd><dt>expected</dt><dd>").Append(Html.Text(finding.Expected))
                .Append("</dd><dt>actual</dt><dd>").Append(Html.Text(finding.Actual)).Append("</dd></dl>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h4>Minimal scenario <span class=\"muted\">(after {evidence.TestsRun} cases and {evidence.Shrinks} shrinks)</span></h4><pre class=\"scenario\">")
            .Append(Html.Text(evidence.Minimal.Scenario)).Append("</pre><h4>Trace</h4>")
            .Append(TraceTable.Render(evidence.Minimal));
        if (!evidence.Reproduced)
        {
            html.Append("<h4>The shrunk case passed when run again: the failure is flaky. The first failing case, as generated:</h4><pre class=\"scenario\">")
                .Append(Html.Text(evidence.Original.Scenario)).Append("</pre>")
                .Append(TraceTable.Render(evidence.Original));
        }

        html.Append(CultureInfo.InvariantCulture, $"<h4>Replay this case</h4><div class=\"replay\"><pre id=\"replay-{i}\">")
            .Append(Html.Text(evidence.ReplayCommand ?? $"replay string {evidence.Replay} (this run was not configured through the suite, so there is no command)"))
            .Append(CultureInfo.InvariantCulture, $"</pre><button class=\"copy\" type=\"button\" data-copy=\"replay-{i}\">copy</button></div></div>");
    }

    private static void Expectations(StringBuilder html, RunRecord run, Dictionary<(string, string), int> index)
    {
        var listed = run.Results.Where(r => r.Expectation is not null).ToArray();
        html.Append("<section id=\"expectations\"><h2>Expectations</h2>");
        if (listed.Length == 0)
        {
            html.Append("<p class=\"muted\">No target of this run lists expected failures.</p></section>");
            return;
        }

        html.Append("<table><thead><tr><th>target</th><th>rule</th><th>verdict</th><th>expected failure</th><th>reason</th><th>reference</th><th>expires</th></tr></thead><tbody>");
        foreach (var result in listed)
        {
            var verdict = result.Verdict;
            var flag = verdict is Verdict.UnexpectedPass or Verdict.ExpiredExpectation or Verdict.StaleExpectation;
            var e = result.Expectation!;
            html.Append("<tr><td>").Append(Html.Text(result.Target)).Append(CultureInfo.InvariantCulture, $"</td><td><a class=\"open\" href=\"#r-{index[(result.Target, result.Rule)]}\" data-panel=\"r-{index[(result.Target, result.Rule)]}\"><code>")
                .Append(Html.Text(result.Rule)).Append("</code></a></td><td").Append(flag ? " class=\"flag\">⚑ " : ">").Append(Html.Text(Verdicts.Word(verdict)))
                .Append("</td><td>").Append(Html.Text(FailureKinds.Phrase(e.Failure) + (e.Text is null ? string.Empty : $" saying '{e.Text}'")))
                .Append("</td><td>").Append(Html.Text(e.Reason)).Append("</td><td>").Append(Html.Text(e.Reference)).Append("</td><td>").Append(Html.Text(e.Expires)).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void Changes(StringBuilder html, RunRecord run, RunRecord? baseline, string? problem, Dictionary<(string, string), int> index)
    {
        html.Append("<section id=\"changes\"><h2>Since the baseline</h2>");
        if (baseline is null)
        {
            html.Append("<p class=\"muted\">").Append(Html.Text(problem ?? "No baseline run was given.")).Append("</p></section>");
            return;
        }

        var changes = BaselineDiff.Compare(baseline, run);
        html.Append("<p class=\"muted\">Baseline: run ").Append(Html.Text(baseline.Run.Id))
            .Append(CultureInfo.InvariantCulture, $" of {baseline.Run.Started.UtcDateTime:yyyy-MM-dd HH:mm} UTC.</p>");
        foreach (var kind in Enum.GetValues<ChangeKind>())
        {
            var mine = changes.Where(c => c.Kind == kind).ToArray();
            html.Append("<h3>").Append(kind switch
            {
                ChangeKind.NewFailure => "New failures",
                ChangeKind.Fixed => "Fixed",
                _ => "Changed counterexamples",
            }).Append(CultureInfo.InvariantCulture, $" ({mine.Length})</h3>");
            if (mine.Length == 0)
            {
                continue;
            }

            html.Append("<table class=\"changes\"><thead><tr><th>target</th><th>rule</th><th>baseline</th><th>this run</th></tr></thead><tbody>");
            foreach (var change in mine)
            {
                var at = index.TryGetValue((change.Target, change.Rule), out var i) ? i : -1;
                html.Append("<tr><td>").Append(Html.Text(change.Target)).Append(CultureInfo.InvariantCulture, $"</td><td><a class=\"open\" href=\"#r-{at}\" data-panel=\"r-{at}\"><code>")
                    .Append(Html.Text(change.Rule)).Append("</code></a></td><td><pre>").Append(Html.Text(change.Before)).Append("</pre></td><td><pre>").Append(Html.Text(change.After)).Append("</pre></td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</section>");
    }

    /// <summary>Every target × rule that was red in some run, with its verdict run by run; the others are counted.</summary>
    private static void History(StringBuilder html, RunSeries series)
    {
        string When(int? run) => run is { } i ? $"{series.Runs[i].Started.UtcDateTime:yyyy-MM-dd HH:mm}" : "—";
        var shown = series.Rules.Where(r => r.Verdicts.Any(v => v is { } verdict && verdict.IsRed())).ToArray();
        html.Append("<section id=\"history\"><h2>History</h2><p class=\"muted\">")
            .Append(Html.Text(series.Summary))
            .Append(CultureInfo.InvariantCulture, $". {series.Rules.Count - shown.Length} target × rule were never red and are not listed.</p>")
            .Append("<table class=\"history\"><thead><tr><th>target</th><th>rule</th>");
        foreach (var run in series.Runs)
        {
            html.Append("<th>").Append(Html.Text($"{run.Started.UtcDateTime:yyyy-MM-dd HH:mm}")).Append("</th>");
        }

        html.Append("<th>red since</th><th>last green</th><th>flaky</th></tr></thead><tbody>");
        foreach (var rule in shown)
        {
            html.Append("<tr><td>").Append(Html.Text(rule.Target)).Append("</td><td><code>").Append(Html.Text(rule.Rule)).Append("</code></td>");
            foreach (var verdict in rule.Verdicts)
            {
                html.Append(verdict is { } v ? $"<td class=\"{(v.IsRed() ? "red" : "green")}\">{Html.Text(Verdicts.Mark(v))}</td>" : "<td>—</td>");
            }

            html.Append("<td>").Append(Html.Text(rule.RedNow ? When(rule.FirstFailure) : "—")).Append("</td><td>").Append(Html.Text(When(rule.LastGreen)))
                .Append("</td><td>").Append(rule.Flaky ? "flaky" : string.Empty).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void Metadata(StringBuilder html, RunRecord run)
    {
        var info = run.Run;
        html.Append("<section id=\"metadata\"><h2>Run</h2><table><tbody>");
        Row(html, "run", info.Id);
        Row(html, "started", $"{info.Started.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        Row(html, "finished", $"{info.Finished.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        Row(html, "host", info.Host);
        Row(html, "runtime", info.Runtime);
        Row(html, "commit", info.Commit ?? "—");
        Row(html, "cases per rule (unless a target sets its own)", info.MaxTest.ToString(CultureInfo.InvariantCulture));
        Row(html, "call budget per case", info.CallBudget.ToString(CultureInfo.InvariantCulture));
        Row(html, "secure world version", info.SecureWorldVersion);
        Row(html, "replay", info.Replay ?? "— (fresh seeds)");
        html.Append("</tbody></table><h3>Targets</h3><table><thead><tr><th>target</th><th>adapter</th><th>version</th><th>capabilities</th><th>source</th><th>sha256</th>")
            .Append("<th>compiler</th><th>QEMU</th><th>note</th><th>cases per rule</th><th>cases</th><th>seconds</th><th>cases/s</th></tr></thead><tbody>");
        foreach (var t in run.Targets)
        {
            html.Append("<tr><td>").Append(Html.Text(t.Name)).Append("</td><td>").Append(Html.Text(t.Adapter)).Append("</td><td>").Append(Html.Text(t.Version))
                .Append("</td><td>").Append(Html.Text(t.Capabilities)).Append("</td><td>").Append(Html.Text(t.Source ?? t.Unavailable ?? "—"))
                .Append("</td><td><code>").Append(Html.Text(t.Sha256 ?? "—")).Append("</code></td><td>").Append(Html.Text(t.Compiler ?? "—"))
                .Append("</td><td>").Append(Html.Text(t.Qemu ?? "—")).Append("</td><td>").Append(Html.Text(t.Note ?? string.Empty))
                .Append(CultureInfo.InvariantCulture, $"</td><td>{Html.Number(t.MaxTest ?? info.MaxTest)}</td><td>{Html.Number(t.Cases)}</td><td>{t.Seconds:0.0}</td><td>{(t.Seconds > 0 ? Html.Number(Math.Round(t.Cases / t.Seconds)) : "—")}</td></tr>");
        }

        html.Append("</tbody></table><details><summary>Seeds and durations of every rule</summary><table><thead><tr><th>target</th><th>rule</th><th>seed</th><th>cases</th><th>seconds</th></tr></thead><tbody>");
        foreach (var r in run.Results)
        {
            html.Append("<tr><td>").Append(Html.Text(r.Target)).Append("</td><td><code>").Append(Html.Text(r.Rule)).Append("</code></td><td><code>").Append(Html.Text(r.Seed))
                .Append(CultureInfo.InvariantCulture, $"</code></td><td>{r.Cases}</td><td>{r.Seconds:0.00}</td></tr>");
        }

        html.Append("</tbody></table></details></section>");
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(Html.Text(name)).Append("</th><td>").Append(Html.Text(value)).Append("</td></tr>");

    /// <summary>"InterruptYield" → "Interrupt / yield", "RequestEncoding" → "Request encoding".</summary>
    private static string AreaName(string area) => area switch
    {
        "InterruptYield" => "Interrupt / yield",
        "Req2Resp2" => "REQ2 / RESP2",
        _ => string.Concat(area.Select((c, i) => i > 0 && char.IsUpper(c) ? $" {char.ToLowerInvariant(c)}" : c.ToString())),
    };

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"FfaConformance.Reports.Html.{name}")
            ?? throw new InvalidOperationException($"the report resource {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
