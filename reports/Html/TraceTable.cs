using System.Globalization;
using System.Text;
using FfaConformance.Records;

namespace FfaConformance.Reports.Html;

/// <summary>
/// A counterexample's trace as tables of register sets: per step, each conduit call as the row the target
/// issued and the row the secure world answered (x0–x7, and x8–x17 where any is set), then how the step ended.
/// The finding's step, call and field are highlighted.
/// </summary>
public static class TraceTable
{
    private const int Shown = 8;

    public static string Render(CaseRecord run)
    {
        var html = new StringBuilder();
        var finding = run.Finding;
        var register = finding?.Field?.Register;
        var outcomeField = finding?.Field?.InOutcome is true;
        var call = finding?.Call is >= 0 ? finding.Call : null;
        html.Append(Step("boot (FFA_VERSION, FFA_ID_GET)", run.Boot, null, -1, null, false));
        for (var i = 0; i < run.Steps.Count; i++)
        {
            var step = run.Steps[i];
            var here = finding?.Step == i;
            html.Append(Step($"step {i + 1}: {step.Step}", step.Calls, step.Outcome, here ? call ?? -1 : -1, here ? register : null, here && (outcomeField || call is null)));
        }

        return html.ToString();
    }

    private static string Step(string caption, IReadOnlyList<CallRecord> calls, string? outcome, int highlightCall, int? highlightRegister, bool highlightOutcome)
    {
        var html = new StringBuilder("<table class=\"trace\"><caption>").Append(Html.Text(caption)).Append("</caption>");
        html.Append("<thead><tr><th>#</th><th></th><th>function</th>");
        for (var r = 0; r < Shown; r++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>x{r}</th>");
        }

        html.Append("<th>x8–x17</th></tr></thead><tbody>");
        for (var c = 0; c < calls.Count; c++)
        {
            var call = calls[c];
            var hot = c == highlightCall;
            html.Append(Row(hot ? "issued hot" : "issued", $"#{c + 1}", $"{call.Conduit} issued", call.Issued, call.X, hot ? highlightRegister : null));
            html.Append(call.Answer is { } answer
                ? Row("answer", string.Empty, "answered", call.Answered ?? string.Empty, answer, null)
                : "<tr class=\"answer\"><td></td><td>answered</td><td colspan=\"10\" class=\"muted\">(the harness stopped the case at this call)</td></tr>");
        }

        if (outcome is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"outcome{(highlightOutcome ? " hl" : string.Empty)}\"><td></td><td>result</td><td colspan=\"10\">{Html.Text(outcome)}</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string Row(string cls, string number, string side, string function, IReadOnlyList<string> x, int? highlight)
    {
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<tr class=\"{cls}\"><td>{Html.Text(number)}</td><td>{Html.Text(side)}</td><td>{Html.Text(function)}</td>");
        for (var r = 0; r < Shown && r < x.Count; r++)
        {
            html.Append(r == highlight ? "<td class=\"hl\">" : "<td>").Append(Html.Text(x[r])).Append("</td>");
        }

        var upper = x.Skip(Shown).Select((v, i) => (Value: v, Index: i + Shown)).Where(p => p.Value != "0x0").ToArray();
        html.Append(highlight is >= Shown ? "<td class=\"hl\">" : "<td>")
            .Append(Html.Text(string.Join(" ", upper.Select(p => $"x{p.Index}={p.Value}"))))
            .Append("</td></tr>");
        return html.ToString();
    }
}
