using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Model;

/// <summary>
/// What a rule saw going wrong in one step: a sentence, and where it can be pointed at — the call (0-based),
/// the field (x1, the return value, the message) and expected versus actual.
/// </summary>
public sealed record Finding(string Text, int? Call = null, FindingField? Field = null, string? Expected = null, string? Actual = null)
{
    public int Step { get; init; }

    public override string ToString() => FindingText.Line(Step, Call, Text, Expected, Actual);
}
