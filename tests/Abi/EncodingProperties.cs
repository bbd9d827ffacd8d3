using FfaConformance.Abi;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace FfaConformance.Tests.Abi;

/// <summary>Register packings round-trip and agree with the layouts of the FF-A specification (Arm DEN0077A) as Linux's include/linux/arm_ffa.h encodes them.</summary>
[TestFixture]
[Category("Fast")]
public sealed class EncodingProperties
{
    [Property]
    public bool EndpointPairRoundTrips(ushort sender, ushort receiver) =>
        EndpointPair.Unpack(new EndpointPair(sender, receiver).Packed) == new EndpointPair(sender, receiver);

    [Property]
    public bool EndpointPairIgnoresTheUpperHalfOfX1(ushort sender, ushort receiver, uint upper) =>
        EndpointPair.Unpack(((ulong)upper << 32) | new EndpointPair(sender, receiver).Packed) == new EndpointPair(sender, receiver);

    [Property]
    public bool TargetInfoPutsTheEndpointInBits31To16(ushort endpoint, ushort vcpu) =>
        new TargetInfo(endpoint, vcpu).Packed == (((uint)endpoint << 16) | vcpu);

    [Property]
    public bool FunctionIdsDecodeToTheirParts(byte number, bool smc64)
    {
        var convention = smc64 ? Convention.Smc64 : Convention.Smc32;
        var id = FunctionId.StandardSecure(number, convention);
        return id.IsFastCall && id.Convention == convention && id.OwningEntity == FunctionId.StandardSecureOwner && id.Number == number;
    }

    [Test]
    public void DirectMessagingIdsAreTheSpecifications()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FfaFunctions.DirectRequest.Id(Convention.Smc32).Value, Is.EqualTo(0x8400006Fu));
            Assert.That(FfaFunctions.DirectRequest.Id(Convention.Smc64).Value, Is.EqualTo(0xC400006Fu));
            Assert.That(FfaFunctions.DirectResponse.Id(Convention.Smc64).Value, Is.EqualTo(0xC4000070u));
            Assert.That(FfaFunctions.Run.Id(Convention.Smc32).Value, Is.EqualTo(0x8400006Du));
            Assert.That(FfaFunctions.Interrupt.IsDefined(Convention.Smc64, FfaVersion.V1_2), Is.False);
            Assert.That(FfaFunctions.Interrupt.IsDefined(Convention.Smc64, FfaVersion.V1_3), Is.True);
            Assert.That(FfaFunctions.Run.IsDefined(Convention.Smc64, FfaVersion.V1_0), Is.False);
            Assert.That(FfaFunctions.Success.IsDefined(Convention.Smc64, FfaVersion.V1_0), Is.True);
            Assert.That(FfaFunctions.PartitionInfoGetRegs.IsDefined(Convention.Smc32, FfaVersion.V1_3), Is.False);
        });
    }

    [Test]
    public void EveryDefinedIdIsFoundAgain()
    {
        foreach (var function in FfaFunctions.All)
        {
            foreach (var convention in new[] { Convention.Smc32, Convention.Smc64 }.Where(c => function.Since(c) is not null))
            {
                Assert.That(FfaFunctions.Find(function.Id(convention).Value), Is.EqualTo((function, convention)), function.Name);
            }
        }
    }

    [Property]
    public bool VersionsRoundTripThroughFfaVersionEncoding(ushort major, ushort minor) =>
        FfaVersion.Decode(new FfaVersion(major & 0x7FFF, minor).Encoded) == new FfaVersion(major & 0x7FFF, minor);

    [TestCase("1.0", true)]
    [TestCase("v1.3", true)]
    [TestCase("1.4", false)]
    [TestCase("one", false)]
    [TestCase("", false)]
    public void OnlyKnownVersionsParse(string text, bool parses) => Assert.That(FfaVersion.TryParse(text, out _), Is.EqualTo(parses));
}
