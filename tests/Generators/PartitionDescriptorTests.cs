using FfaConformance.Scenarios;

namespace FfaConformance.Tests.Generators;

/// <summary>
/// A partition descriptor is written (by the managed secure world) and read (from a real one's RX buffer) by one
/// definition: what is written reads back, the UUID from v1.1 on only; the bytes are FF-A's layout, read here by hand.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class PartitionDescriptorTests
{
    private static readonly Partition OpTee = new(0x8001, Guid.Parse("486178e0-e7f8-11e3-bc5e-0002a5d5c51b"), 32, 0x101);

    [Test]
    public void AV11DescriptorReadsBackWhole()
    {
        var bytes = new byte[Partition.DescriptorSize];
        OpTee.Describe(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(Partition.Read(bytes), Is.EqualTo(OpTee));
            Assert.That(Convert.ToHexStringLower(bytes), Is.EqualTo("01802000" + "01010000" + "486178e0e7f811e3bc5e0002a5d5c51b"));
        });
    }

    [Test]
    public void AV10DescriptorHasNoUuid()
    {
        var bytes = new byte[Partition.V10DescriptorSize];
        OpTee.Describe(bytes);

        Assert.That(Partition.Read(bytes), Is.EqualTo(OpTee with { Uuid = Guid.Empty }));
    }
}
