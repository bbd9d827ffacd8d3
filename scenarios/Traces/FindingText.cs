namespace FfaConformance.Scenarios.Traces;

/// <summary>How every output shows a finding: "step 2, call #1: text (expected X, got Y)", steps and calls counted from 1.</summary>
public static class FindingText
{
    public static string Line(int step, int? call, string text, string? expected, string? actual)
    {
        var where = call is { } c ? $"step {step + 1}, call #{c + 1}" : $"step {step + 1}";
        var detail = expected is null ? string.Empty : $" (expected {expected}, got {actual})";
        return $"{where}: {text}{detail}";
    }
}
