using FfaConformance.Abi;
using FfaConformance.Adapters.Qemu.Firmware;
using FfaConformance.Generators.Corpus;
using FfaConformance.Records;
using FfaConformance.Reports.Diff;
using FfaConformance.Runner.Records;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.Qemu;

/// <summary>
/// The same firmware under TF-A's EL3 SPMC and under OP-TEE as S-EL1 SPMC (../shared/secure-world) asks both the same
/// probe and survey; the differential lists exactly where their answers differ. The differences expected are the ones
/// the secure worlds' README measured with a bare-metal caller of its own (FFA_VERSION's x1, FFA_RXTX_MAP's x1–x3), FFA_ERROR's
/// x2 sign-extended by the EL3 SPMC and zero-extended by the SPMD in front of OP-TEE, and REQ2 refused by each with its own code.
/// </summary>
[TestFixture]
[Category("Qemu")]
[NonParallelizable]
public sealed class SecureWorldDifferentialTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(NativeTargets.Root, "..", "shared", "secure-world"));

    [Test]
    public void TheTwoSpmcsDifferWhereTheirReadmeAndOurOwnMeasurementSayAndNowhereElse()
    {
        QemuTargets.RequireQemu();
        if (!Directory.Exists(Root) || Adapters.Sources.Toolchain.OnPath("fiptool") is null)
        {
            Prerequisite.Missing($"the real secure worlds at {Root} and fiptool (Debian: arm-trusted-firmware-tools)");
        }

        var el3 = Probe("tfa-el3-spmc");
        var sel1 = Probe("optee-sel1-spmc");

        var differences = SecureWorldDiff.Compare(el3, sel1).Select(d => (d.Asked, d.Field, d.Left, d.Right)).ToArray();

        Assert.That(differences, Is.EquivalentTo(new[]
        {
            ("FFA_VERSION(v1.2)", "x1", "0x10002", "0x0"),
            ("FFA_RXTX_MAP_64 of one page each", "x1", el3[2].Call.X[1], "0x0"),
            ("FFA_RXTX_MAP_64 of one page each", "x2", el3[2].Call.X[2], "0x0"),
            ("FFA_RXTX_MAP_64 of one page each", "x3", "0x1", "0x0"),
            ("DIRECT_REQ_32 to 0x8001, w3 = 2", "x5", "0x5", "0x7"),
            ("DIRECT_REQ_32 to absent 0x8002", "x2", "0xFFFFFFFFFFFFFFFE", "0xFFFFFFFE"),
            ("DIRECT_REQ2 to 0x8001, its UUID", "x2", "0xFFFFFFFFFFFFFFFA", "0xFFFFFFFF"),
            ("DIRECT_REQ2 to absent 0x8002", "x2", "0xFFFFFFFFFFFFFFFE", "0xFFFFFFFE"),
        }));
    }

    /// <summary>The corpus the generators draw from still holds what each secure world answers: a rebuilt fixture that answers otherwise is seen here.</summary>
    [TestCase("tfa-el3-spmc")]
    [TestCase("optee-sel1-spmc")]
    public void EachSecureWorldAnswersItsDirectRequestsAsTheCorpusRecorded(string folder)
    {
        QemuTargets.RequireQemu();
        if (!Directory.Exists(Root) || Adapters.Sources.Toolchain.OnPath("fiptool") is null)
        {
            Prerequisite.Missing($"the real secure worlds at {Root} and fiptool (Debian: arm-trusted-firmware-tools)");
        }

        var recorded = AnswerCorpus.Shipped.Sources.Single(s => s.SecureWorld == folder).Calls;
        var now = Probe(folder).Where(c => recorded.Any(r => r.Asked == c.Asked)).Select(c => (c.Asked, c.Call.X, c.Call.Answer!)).ToArray();

        Assert.That(now, Is.EqualTo(recorded.Select(r => (r.Asked, r.Issued, r.Answer))).UsingPropertiesComparer());
    }

    private static IReadOnlyList<ProbeCallRecord> Probe(string folder)
    {
        var world = RealSecureWorld.Resolve(Path.Combine(Root, folder), $"Targets:{folder}:SecureWorld", required: true);
        using var target = QemuTargets.UnderRealSecureWorld(folder, NativeTargets.Reference, FfaVersion.V1_2, world);
        return RecordBuilder.Target(folder, "qemu", FfaVersion.V1_2, 1, target.Description, null, []).SecureWorldCalls!;
    }
}
