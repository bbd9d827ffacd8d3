using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Records;

/// <summary>What the rule saw: a sentence, and the step, call and field it points at.</summary>
public sealed record FindingRecord(string Text, int Step, int? Call, FindingField? Field, string? Expected, string? Actual)
{
    /// <summary>"step 2, call #1: text (expected X, got Y)", as every output shows a finding.</summary>
    public override string ToString() => FindingText.Line(Step, Call, Text, Expected, Actual);
}
