using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;

namespace FfaConformance.Tests.Expectations;

/// <summary>How a result reads against the target's expectations; each verdict once, and the unavailable-target case that once made a missing seed red.</summary>
[TestFixture]
public sealed class JudgementTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly Expectation Listed = new("INV-X", "a reason", "fact sheet D1", new DateOnly(2027, 6, 30));

    [TestCase(RuleOutcome.Failed, false, Verdict.Failed)]
    [TestCase(RuleOutcome.Failed, true, Verdict.ExpectedFailure)]
    [TestCase(RuleOutcome.Passed, false, Verdict.Passed)]
    [TestCase(RuleOutcome.Passed, true, Verdict.UnexpectedPass)]
    [TestCase(RuleOutcome.NotApplicable, false, Verdict.Skipped)]
    [TestCase(RuleOutcome.NotApplicable, true, Verdict.StaleExpectation)]
    [TestCase(RuleOutcome.TargetUnavailable, false, Verdict.Skipped)]
    [TestCase(RuleOutcome.TargetUnavailable, true, Verdict.Skipped)]
    [TestCase(RuleOutcome.CoverageGap, false, Verdict.CoverageGap)]
    public void AResultReadsAgainstItsExpectation(RuleOutcome outcome, bool expected, Verdict verdict) =>
        Assert.That(Judgement.Of(Result(outcome), expected ? Listed : null, Today).Verdict, Is.EqualTo(verdict));

    [Test]
    public void AnExpiredExpectationIsRedWhateverTheOutcome() =>
        Assert.That(Judgement.Of(Result(RuleOutcome.Failed), Listed with { Expires = new DateOnly(2026, 11, 23) }, Today).Verdict,
            Is.EqualTo(Verdict.ExpiredExpectation));

    private static RuleResult Result(RuleOutcome outcome) =>
        new("INV-X", "t", outcome, "message", 1, 1, new Dictionary<string, int>(), [], null, "1,2", TimeSpan.Zero);
}
