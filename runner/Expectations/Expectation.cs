namespace FfaConformance.Runner.Expectations;

/// <summary>A rule a target is expected to fail: why, where that is documented, and until when the expectation holds.</summary>
public sealed record Expectation(string Rule, string Reason, string Reference, DateOnly Expires);
