using FfaConformance.Abi;

namespace FfaConformance.Tests.Abi;

/// <summary>The errno table against U-Boot's ffa_to_std_errmap and Linux's ffa_linux_errmap (−1…−8 in both, −9/−10 in Linux mainline).</summary>
[TestFixture]
[Category("Fast")]
public sealed class ErrnoTableTests
{
    [TestCase(-1, 95)]
    [TestCase(-2, 22)]
    [TestCase(-3, 12)]
    [TestCase(-4, 16)]
    [TestCase(-5, 4)]
    [TestCase(-6, 13)]
    [TestCase(-7, 11)]
    [TestCase(-8, 125)]
    [TestCase(-9, 61)]
    [TestCase(-10, 11)]
    [TestCase(0, 22)]
    [TestCase(1, 22)]
    [TestCase(-11, 22)]
    [TestCase(int.MinValue, 22)]
    public void MapsAsUBootAndLinuxDo(int code, int linuxErrno) => Assert.That(ErrnoTable.ReturnValueFor(code), Is.EqualTo(-linuxErrno));

    [Test]
    public void LaterCodesCarryTheirVersions()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FfaErrors.Since(FfaError.Aborted), Is.EqualTo(FfaVersion.V1_0));
            Assert.That(FfaErrors.Since(FfaError.NoData), Is.EqualTo(FfaVersion.V1_1));
            Assert.That(FfaErrors.Since(FfaError.NotReady), Is.EqualTo(FfaVersion.V1_2));
        });
    }
}
