using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Adapters.Linux;
using FfaConformance.Scenarios.Targets;

namespace FfaConformance.Tests.Configuration;

/// <summary>The linux and linux-board targets take the version their driver negotiated: a Version key may say the same, or be left out.</summary>
[TestFixture]
[Category("Fast")]
public sealed class NegotiatedVersionTests
{
    private static EmulatorTarget Driver() => new(
        new TargetDescription("board", "linux-board", FfaVersion.V1_1, TargetCapabilities.All, new Provenance("tests")), (c, v) => new ReferenceTransport(c, v));

    [Test]
    public void AVersionKeyThatDiffersFromTheDriversIsRefusedNamingTheKey()
    {
        var error = Assert.Throws<TargetUnavailableException>(() => NegotiatedVersion.Checked(Driver(), FfaVersion.V1_2));

        Assert.That(error!.Message, Is.EqualTo("Targets:board:Version = '1.2', but the driver negotiated v1.1; remove the key (the linux-board adapter reads the version from the driver)"));
    }

    [Test]
    public void TheSameVersionOrNoneIsTaken()
    {
        using var same = NegotiatedVersion.Checked(Driver(), FfaVersion.V1_1);
        using var none = NegotiatedVersion.Checked(Driver(), null);

        Assert.That((same.Description.Version, none.Description.Version), Is.EqualTo((FfaVersion.V1_1, FfaVersion.V1_1)));
    }
}
