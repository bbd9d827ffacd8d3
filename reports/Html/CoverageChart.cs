using System.Globalization;
using System.Text;

namespace FfaConformance.Reports.Html;

/// <summary>
/// What a rule's run generated, as inline SVG bar charts: one per kind of class (answer classes, chain depths,
/// widths, error codes), each bar a class with its count of cases. A required class that was never generated
/// is drawn as an empty, marked bar.
/// </summary>
public static class CoverageChart
{
    private const int LabelWidth = 230;
    private const int BarWidth = 260;
    private const int RowHeight = 18;

    public static string Render(IReadOnlyDictionary<string, int> classes, IReadOnlyList<string> missing)
    {
        var all = classes.Select(c => (Label: c.Key, Count: c.Value)).Concat(missing.Where(m => !classes.ContainsKey(m)).Select(m => (Label: m, Count: 0)));
        var html = new StringBuilder();
        foreach (var group in all.GroupBy(c => Kind(c.Label)).OrderBy(g => Array.IndexOf(Kinds, g.Key)))
        {
            var rows = group.OrderBy(c => Order(c.Label)).ThenBy(c => c.Label, StringComparer.Ordinal).ToArray();
            var max = Math.Max(1, rows.Max(r => r.Count));
            var height = (rows.Length * RowHeight) + 4;
            html.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\"><figcaption>{Html.Text(group.Key)}</figcaption>")
                .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{LabelWidth + BarWidth + 70}\" height=\"{height}\" role=\"img\" aria-label=\"{Html.Text(group.Key)}\">");
            for (var i = 0; i < rows.Length; i++)
            {
                var (label, count) = rows[i];
                var y = i * RowHeight;
                var width = count == 0 ? 0 : Math.Max(1, (int)Math.Round(BarWidth * (double)count / max));
                var gap = count == 0 && missing.Contains(label);
                html.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 13}\" text-anchor=\"end\">{Html.Text(label)}</text>")
                    .Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{width}\" height=\"{RowHeight - 6}\" class=\"{(gap ? "gap" : "bar")}\"/>")
                    .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 6}\" y=\"{y + 13}\"{(gap ? " class=\"gap\"" : string.Empty)}>{count}{(gap ? " (required, never generated)" : string.Empty)}</text>");
            }

            html.Append("</svg></figure>");
        }

        return html.Length == 0 ? "<p class=\"muted\">No classes were recorded.</p>" : html.ToString();
    }

    private static readonly string[] Kinds = ["answer classes", "chain depths", "widths", "error codes"];

    /// <summary>Which chart a class label belongs to (labels come from rules/Model/SendView.StandardClasses and the rules).</summary>
    private static string Kind(string label) =>
        label is "SMC32" or "SMC64" ? "widths"
        : label.StartsWith("depth", StringComparison.Ordinal) ? "chain depths"
        : label.StartsWith("code ", StringComparison.Ordinal) ? "error codes"
        : "answer classes";

    /// <summary>Depths and codes in their natural order, not alphabetical.</summary>
    private static int Order(string label) => label switch
    {
        "depth 0" => 0,
        "depth 1" => 1,
        "depth 2–3" => 2,
        "depth 4–7" => 3,
        "depth ≥8" => 4,
        _ when label.StartsWith("code ", StringComparison.Ordinal) && label.LastIndexOf('(') is var open and > 0
            && int.TryParse(label[(open + 1)..].TrimEnd(')'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) => -code,
        _ => 100,
    };
}
