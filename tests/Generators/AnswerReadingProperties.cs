using FfaConformance.Abi;
using FfaConformance.Generators;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Profiles;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace FfaConformance.Tests.Generators;

/// <summary>
/// Registers read back into answers: every answer the generators write is read back into one that plays the same
/// registers, in any context; registers no generator writes are read as none.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class AnswerReadingProperties
{
    /// <summary>Every terminal and link answer of every kind, width and noise the generators have.</summary>
    private static readonly Gen<Answer> Answers = Gen.OneOf(
        [
            .. Enum.GetValues<TerminalKind>().SelectMany(kind => new[]
            {
                AnswerGen.Terminal(kind, Convention.Smc32, 50),
                AnswerGen.Terminal(kind, Convention.Smc64, 50),
            }),
            .. Enum.GetValues<TerminalKind>().Where(kind => kind is not (TerminalKind.ResponseOtherWidth or TerminalKind.ResponseNonZeroW2)).Select(kind => AnswerGen.Terminal2(kind, 50)),
            .. Enum.GetValues<LinkKind>().Select(kind => AnswerGen.Link(kind, 50)),
        ]);

    private static readonly Gen<AnswerContext> Contexts =
        from self in ValueGen.NormalWorldId
        from destination in Gen.Choose(0, 0xFFFF).Select(v => (ushort)v)
        from issued in Gen.ArrayOf(ValueGen.UInt64, RegisterSet.Count)
        select new AnswerContext(self, destination, RegisterSet.From(issued));

    [Property(MaxTest = 2000)]
    public Property EveryGeneratedAnswerIsReadBackIntoOneThatPlaysTheSameRegisters() =>
        Prop.ForAll(Answers.ToArbitrary(), Contexts.ToArbitrary(), (answer, context) =>
        {
            var registers = answer.Materialize(context);
            var read = AnswerReading.Read(registers, context);
            return (read is not null && read.Materialize(context).Equals(registers))
                .Label($"{answer} played as {registers} was read as {read?.ToString() ?? "none"}")
                .Classify(read?.Class == answer.Class, "read in its own class");
        });

    [Test]
    public void RegistersNoGeneratorWritesAreReadAsNone()
    {
        var context = new AnswerContext(0x0001, 0x8001, RegisterSet.From(new ulong[RegisterSet.Count]));
        var callersX4 = new ulong[RegisterSet.Count];
        callersX4[0] = 0x84000070;
        callersX4[1] = 0x80010001;
        callersX4[4] = 0x1bc5d5a5;
        callersX4[9] = 7;

        Assert.Multiple(() =>
        {
            // A DIRECT_RESP whose x8–x17 hold one stray word, not the generators' x8+n pattern.
            Assert.That(AnswerReading.Read(RegisterSet.From(callersX4), context), Is.Null);
            // FFA_ERROR with a non-zero w1.
            Assert.That(AnswerReading.Read(RegisterSet.Of(0x84000060, 5, unchecked((ulong)-2L)), context), Is.Null);
            // A DIRECT_RESP_64 with x2[63:32] set: w2 is 32-bit in every answer the generators write.
            Assert.That(AnswerReading.Read(RegisterSet.Of(0xC4000070, 0x80010001, 1UL << 32), context), Is.Null);
        });
    }

    [Test]
    public void AWellFormedResponseIsReadAsOne()
    {
        var context = new AnswerContext(0x0000, 0x8001, RegisterSet.From(new ulong[RegisterSet.Count]));

        var read = AnswerReading.Read(RegisterSet.Of(0x84000070, 0x80010000, 0, 1), context);

        Assert.That(read, Is.EqualTo(new DirectResponseAnswer(Convention.Smc32, ResponderIds.Echo, 0, 0, new DirectMessage(1, 0, 0, 0, 0), Noise.None)));
    }
}
