using System.Text.Json;
using FfaConformance.Records;
using FfaConformance.Reports.Html;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace FfaConformance.Tests.Reporting;

/// <summary>
/// Every field a rule can give a finding: the trace highlights the register cell or the result row it names, read
/// from the typed field, and run.json holds it as its text and reads it back as itself.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class FindingFieldProperties
{
    /// <summary>The issued row's cells are #, side, function, then x0–x7 one each, then x8–x17 together.</summary>
    private const int FirstRegisterCell = 3;
    private const int OwnCells = 8;

    [Property(Arbitrary = new[] { typeof(AnyFindingField) }, MaxTest = 500)]
    public bool TheTraceHighlightsTheRegisterOrTheResultTheFieldNames(AnyFindingField.Pointed pointed)
    {
        var html = TraceTable.Render(FindingFieldCases.Case(pointed.Field));
        int[] cell = pointed.Register is { } r ? [FirstRegisterCell + Math.Min(r, OwnCells)] : [];
        return Highlighted(Row(html, "issued hot")).SequenceEqual(cell)
            && html.Contains("<tr class=\"outcome hl\">", StringComparison.Ordinal) == pointed.Outcome;
    }

    [Property(Arbitrary = new[] { typeof(AnyFindingField) }, MaxTest = 500)]
    public bool RunJsonHoldsTheFieldAsItsTextAndReadsItBack(AnyFindingField.Pointed pointed)
    {
        var line = RunRecordFile.WriteResult(FindingFieldCases.Result(pointed.Field));
        using var json = JsonDocument.Parse(line);
        return line.Contains($"\"field\":\"{pointed.Field}\"", StringComparison.Ordinal)
            && RunRecordFile.ReadResult(json.RootElement).Evidence!.Minimal.Finding!.Field == pointed.Field;
    }

    /// <summary>The first row of class <paramref name="cls"/>, without its end tag; empty when there is none.</summary>
    private static string Row(string html, string cls)
    {
        var start = html.IndexOf($"<tr class=\"{cls}\">", StringComparison.Ordinal);
        return start < 0 ? string.Empty : html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static IEnumerable<int> Highlighted(string row) =>
        row.Split("<td").Skip(1).Select((cell, i) => (cell, i)).Where(c => c.cell.StartsWith(" class=\"hl\"", StringComparison.Ordinal)).Select(c => c.i);
}
