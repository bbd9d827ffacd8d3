using FfaConformance.Records;
using FfaConformance.Rules.Model;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Scenarios.Traces;
using FfaConformance.Tests.Mutants;

namespace FfaConformance.Tests.Expectations;

/// <summary>
/// How a result reads against the target's expectations: each verdict once; an expectation absorbs only the
/// failure it names (its kind, and its text when it gives one); a target that could not be checked is never
/// an expected failure; an expired entry on a passing rule asks for its removal, not its renewal.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class JudgementTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [TestCase(RuleOutcome.Passed, false, Verdict.Passed)]
    [TestCase(RuleOutcome.Passed, true, Verdict.UnexpectedPass)]
    [TestCase(RuleOutcome.NotApplicable, false, Verdict.Skipped)]
    [TestCase(RuleOutcome.NotApplicable, true, Verdict.StaleExpectation)]
    [TestCase(RuleOutcome.NotExercised, false, Verdict.Skipped)]
    [TestCase(RuleOutcome.NotExercised, true, Verdict.Skipped)]
    [TestCase(RuleOutcome.Unavailable, false, Verdict.Skipped)]
    [TestCase(RuleOutcome.Unavailable, true, Verdict.Skipped)]
    [TestCase(RuleOutcome.CoverageGap, false, Verdict.CoverageGap)]
    [TestCase(RuleOutcome.CoverageGap, true, Verdict.CoverageGap)]
    [TestCase(RuleOutcome.Broken, false, Verdict.Failed)]
    [TestCase(RuleOutcome.Broken, true, Verdict.Failed)]
    public void AResultWithoutAFailingCaseReadsAgainstItsExpectation(RuleOutcome outcome, bool expected, Verdict verdict) =>
        Assert.That(Judgement.Of(RuleResult.Empty("INV-X", "t", outcome, "message"), expected ? Listed(FailureKind.Finding) : null, Today).Verdict, Is.EqualTo(verdict));

    [TestCase(FailureKind.Finding)]
    [TestCase(FailureKind.Crash)]
    [TestCase(FailureKind.Hang)]
    [TestCase(FailureKind.Livelock)]
    [TestCase(FailureKind.Residency)]
    public void AFailureOfTheListedKindIsExpected(FailureKind kind) =>
        Assert.That(Judgement.Of(Failed(kind, "x2 was read"), Listed(kind), Today).Verdict, Is.EqualTo(Verdict.ExpectedFailure));

    [TestCase(FailureKind.Finding, FailureKind.Crash)]
    [TestCase(FailureKind.Finding, FailureKind.Hang)]
    [TestCase(FailureKind.Finding, FailureKind.Residency)]
    [TestCase(FailureKind.Crash, FailureKind.Finding)]
    [TestCase(FailureKind.Livelock, FailureKind.Hang)]
    public void AFailureOfAnotherKindIsUnexpected(FailureKind listed, FailureKind actual)
    {
        var judgement = Judgement.Of(Failed(actual, "something"), Listed(listed), Today);

        Assert.That(judgement.Verdict, Is.EqualTo(Verdict.Failed));
        Assert.That(judgement.Explanation, Does.StartWith($"unexpected failure: t was expected to fail INV-X with {FailureKinds.Phrase(listed)}")
            .And.Contain($"but it failed with {FailureKinds.Phrase(actual)}"));
    }

    [Test]
    public void AListedTextMustAppearInTheFinding()
    {
        var expectation = Listed(FailureKind.Finding, "w1[31:16]");

        Assert.Multiple(() =>
        {
            Assert.That(Judgement.Of(Failed(FailureKind.Finding, "w1[31:16] is not the caller's ID"), expectation, Today).Verdict, Is.EqualTo(Verdict.ExpectedFailure));
            Assert.That(Judgement.Of(Failed(FailureKind.Finding, "x1[63:32] is not zero"), expectation, Today).Verdict, Is.EqualTo(Verdict.Failed));
        });
    }

    [Test]
    public void ATargetThatCouldNotBeBuiltIsNeverAnExpectedFailure()
    {
        var judgement = Judgement.Of(RuleResult.Empty("INV-X", "t", RuleOutcome.Broken, "Targets:t:Source = 'x.c' does not build"), Listed(FailureKind.Finding), Today);

        Assert.That((judgement.Verdict, judgement.Explanation), Is.EqualTo((Verdict.Failed,
            "Targets:t:Source = 'x.c' does not build (the expectation that t fails INV-X with a wrong value or call does not cover a target that could not be checked)")));
    }

    [Test]
    public void AnExpiredExpectationOnAPassingRuleAsksForItsRemoval()
    {
        var judgement = Judgement.Of(RuleResult.Empty("INV-X", "t", RuleOutcome.Passed, "300 cases") with { Cases = 300 }, Listed(FailureKind.Finding, expires: new DateOnly(2026, 11, 23)), Today);

        Assert.That(judgement.Verdict, Is.EqualTo(Verdict.UnexpectedPass));
        Assert.That(judgement.Explanation, Does.EndWith("remove the entry").And.Not.Contain("renew"));
    }

    [Test]
    public void AnExpiredExpectationOfTheFailureThatHappenedIsRedAndAsksToFixOrRenew()
    {
        var judgement = Judgement.Of(Failed(FailureKind.Finding, "x"), Listed(FailureKind.Finding, expires: new DateOnly(2026, 11, 23)), Today);

        Assert.That(judgement.Verdict, Is.EqualTo(Verdict.ExpiredExpectation));
        Assert.That(judgement.Explanation, Does.Contain("expired on 2026-11-23").And.Contain("fix the target or renew the entry"));
    }

    private static Expectation Listed(FailureKind kind, string? text = null, DateOnly? expires = null) =>
        new("INV-X", kind, text, "a reason", "a reference", expires ?? new DateOnly(2027, 6, 30));

    /// <summary>A failed result whose failing case ended in <paramref name="kind"/> with <paramref name="text"/>.</summary>
    private static RuleResult Failed(FailureKind kind, string text)
    {
        var scenario = Minimal.RuntimeSend(Minimal.Response());
        var failing = new CaseRun(scenario, new Trace([], [StepTrace.Unrun, StepTrace.Unrun]), new CaseVerdict(true, new Finding(text), []) { Kind = kind });
        return RuleResult.Empty("INV-X", "t", RuleOutcome.Failed, text) with { Counterexample = new Counterexample(failing, failing, "1,3,1", 1, 0) };
    }
}
