using FfaConformance.Abi;

namespace FfaConformance.Tests.Abi;

/// <summary>
/// The errno convention says what a return value means as FF-A outcomes: every outcome has the value U-Boot and
/// Linux return for it, a value is shown with every outcome it stands for, and only a negative value refuses.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class ReturnConventionTests
{
    private static readonly ReturnConvention Errno = ReturnConvention.Errno;

    public static IEnumerable<CallOutcome> Outcomes => CallOutcomes.All;

    [TestCaseSource(nameof(Outcomes))]
    public void EveryOutcomeIsShownWithTheValueThatStandsForIt(CallOutcome outcome)
    {
        var value = Errno.ValueFor(outcome);

        Assert.That(Errno.Describe(outcome), Does.StartWith($"{ErrnoTable.Describe(value)} (").And.Contain(CallOutcomes.Describe(outcome)));
        Assert.That(Errno.Refuses(value), Is.EqualTo(outcome != CallOutcome.Completed));
        Assert.That(Errno.Completes(value), Is.EqualTo(outcome == CallOutcome.Completed));
    }

    [TestCase(0, "0 (completed)")]
    [TestCase(-22, "-EINVAL (invalid parameters or a protocol error)")]
    [TestCase(-11, "-EAGAIN (retry or not ready)")]
    [TestCase(-16, "-EBUSY (busy)")]
    [TestCase(-5, "-5")]
    [TestCase(7, "7")]
    public void AValueIsShownWithEveryOutcomeItStandsFor(int value, string shown) => Assert.That(Errno.Describe(value), Is.EqualTo(shown));

    [TestCase(-1, CallOutcome.NotSupported)]
    [TestCase(-10, CallOutcome.NotReady)]
    [TestCase(0, CallOutcome.ProtocolError)]
    [TestCase(-11, CallOutcome.ProtocolError)]
    [TestCase(3, CallOutcome.ProtocolError)]
    public void AnErrorCodeMeansItsRefusalOrAProtocolError(int code, CallOutcome outcome) => Assert.That(CallOutcomes.Of(code), Is.EqualTo(outcome));

    [Test]
    public void AnyNegativeValueRefusesAndNothingElseDoes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Errno.Refuses(-5), Is.True, "-EIO stands for no outcome but still refuses");
            Assert.That(Errno.Refuses(0), Is.False);
            Assert.That(Errno.Refuses(1), Is.False);
            Assert.That(Errno.Completes(1), Is.False, "only 0 completes");
        });
    }
}
