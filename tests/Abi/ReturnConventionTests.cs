using FfaConformance.Abi;

namespace FfaConformance.Tests.Abi;

/// <summary>
/// A return convention says what a return value means as FF-A outcomes. Errno: every outcome has the value U-Boot
/// and Linux return for it, a value is shown with every outcome it stands for, and only a negative value refuses.
/// EFI_STATUS: edk2's FfaStatusToEfiStatus() table (MdeModulePkg/Library/ArmFfaLib/ArmFfaCommon.c), bit 63 refuses.
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

        Assert.That(Errno.Describe(outcome), Does.StartWith($"{ErrnoTable.Describe((int)value)} (").And.Contain(CallOutcomes.Describe(outcome)));
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

    [TestCase(CallOutcome.Completed, 0x0000_0000_0000_0000UL, "EFI_SUCCESS (completed)")]
    [TestCase(CallOutcome.InvalidParameters, 0x8000_0000_0000_0002UL, "EFI_INVALID_PARAMETER (invalid parameters)")]
    [TestCase(CallOutcome.NoMemory, 0x8000_0000_0000_0009UL, "EFI_OUT_OF_RESOURCES (no memory)")]
    [TestCase(CallOutcome.Busy, 0x8000_0000_0000_0010UL, "EFI_NO_RESPONSE (busy)")]
    [TestCase(CallOutcome.Interrupted, 0xA000_0000_0000_0000UL, "EFI_INTERRUPT_PENDING (interrupted)")]
    [TestCase(CallOutcome.Denied, 0x8000_0000_0000_000FUL, "EFI_ACCESS_DENIED (denied)")]
    [TestCase(CallOutcome.Aborted, 0x8000_0000_0000_0015UL, "EFI_ABORTED (aborted)")]
    [TestCase(CallOutcome.NoData, 0x8000_0000_0000_000EUL, "EFI_NOT_FOUND (no data)")]
    [TestCase(CallOutcome.NotReady, 0x8000_0000_0000_0006UL, "EFI_NOT_READY (not ready)")]
    [TestCase(CallOutcome.Retry, 0x8000_0000_0000_0012UL, "EFI_TIMEOUT (retry)")]
    [TestCase(CallOutcome.NotSupported, 0x8000_0000_0000_0003UL, "EFI_UNSUPPORTED (not supported or a protocol error)")]
    [TestCase(CallOutcome.ProtocolError, 0x8000_0000_0000_0003UL, "EFI_UNSUPPORTED (not supported or a protocol error)")]
    public void EfiStatusIsEdk2sTable(CallOutcome outcome, ulong status, string shown)
    {
        var efi = ReturnConvention.EfiStatus;

        Assert.Multiple(() =>
        {
            Assert.That((ulong)efi.ValueFor(outcome), Is.EqualTo(status));
            Assert.That(efi.Describe(outcome), Is.EqualTo(shown));
            Assert.That(efi.Refuses((long)status), Is.EqualTo(outcome != CallOutcome.Completed));
        });
    }

    [TestCase(0x8000_0000_0000_0007UL, "EFI_DEVICE_ERROR", true)]
    [TestCase(0x8000_0000_0000_0018UL, "EFI_PROTOCOL_ERROR", true)]
    [TestCase(0x8000_0000_0000_0063UL, "0x8000000000000063", true)]
    [TestCase(0x0000_0000_0000_0004UL, "0x0000000000000004", false)]
    public void AnEfiStatusThatStandsForNoOutcomeIsShownAloneAndRefusesByBit63(ulong status, string shown, bool refuses)
    {
        var efi = ReturnConvention.EfiStatus;

        Assert.That(efi.Describe((long)status), Is.EqualTo(shown));
        Assert.That(efi.Refuses((long)status), Is.EqualTo(refuses));
    }
}
