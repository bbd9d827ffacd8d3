using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Runner.Expectations;

/// <summary>
/// A rule a target is expected to fail, and how: the kind of failure (a finding, a crash, a hang, a livelock,
/// a residency violation) and, optionally, text the finding must contain. Any other failure of the rule is
/// unexpected. Also why, where that is documented, and until when the expectation holds.
/// </summary>
public sealed record Expectation(string Rule, FailureKind Failure, string? Text, string Reason, string Reference, DateOnly Expires)
{
    /// <summary>"a crash", "a finding containing 'x2'": what the entry expects, in words.</summary>
    public string Describe() => $"{FailureKinds.Phrase(Failure)}{(Text is null ? string.Empty : $" saying '{Text}'")}";
}
