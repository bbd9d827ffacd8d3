using FfaConformance.Abi;
using FfaConformance.Generators;
using FfaConformance.Generators.Corpus;
using FfaConformance.Rules;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Answers;
using FsCheck;
using FsCheck.Fluent;

namespace FfaConformance.Tests.Generators;

/// <summary>
/// The corpus of answers real secure worlds gave (generators/Corpus/answers.json): each reads back, in the context of
/// the call it answered, into an answer that plays exactly the recorded registers; the generators draw them; a corpus
/// that cannot be used is one error naming the file and the entry.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class AnswerCorpusTests
{
    [Test]
    public void EveryRecordedAnswerReadsBackToTheRegistersTheSecureWorldGave()
    {
        var corpus = AnswerCorpus.Shipped;

        Assert.Multiple(() =>
        {
            Assert.That(corpus.Sources.Select(s => s.SecureWorld), Is.EquivalentTo(new[] { "tfa-el3-spmc", "optee-sel1-spmc" }));
            Assert.That(corpus.Answers, Has.Count.EqualTo(corpus.Sources.Sum(s => s.Calls.Count)));
            foreach (var recorded in corpus.Answers)
            {
                var issued = AnswerCorpus.Registers(recorded.Call.Issued, recorded.Call.Asked);
                var pair = EndpointPair.Unpack(issued.X1);
                Assert.That(recorded.Answer.Materialize(new AnswerContext(pair.Sender, pair.Receiver, issued)), Is.EqualTo(AnswerCorpus.Registers(recorded.Call.Answer, recorded.Call.Asked)), recorded.Call.Asked);
            }

            Assert.That(corpus.For("REQ_32"), Is.Not.Empty);
            Assert.That(corpus.For("REQ_64"), Is.Not.Empty);
            Assert.That(corpus.For("REQ2"), Is.Not.Empty);
        });
    }

    [Test]
    public void TheRequestsProfileDrawsRecordedAnswers()
    {
        var recorded = AnswerCorpus.Shipped.Answers.Select(a => a.Answer).ToHashSet();
        var scenarios = ScenarioGen.For(Profiles.Requests, new GenerationContext(PartitionTable.Default, FfaVersion.V1_2)).Sample(300, new Rnd(2026), 30);

        var drawn = scenarios.SelectMany(s => Enumerable.Range(0, s.Steps.Length).Select(s.RequestAt))
            .SelectMany(r => r is { } request ? request.Script.Answers : [])
            .Count(recorded.Contains);

        Assert.That(drawn, Is.Positive, "no script of 300 cases ended in an answer a real secure world gave");
    }

    [TestCase("{ \"format\": \"other\", \"sources\": [] }", "mine.json: expected {\"format\": \"ffa-conformance-corpus/1\"")]
    [TestCase("{ \"format\": \"ffa-conformance-corpus/1\", \"sources\": [ { \"secureWorld\": \"w\", \"firmware\": \"f\", \"run\": \"r\", \"target\": \"t\", \"calls\": [ { \"asked\": \"a\", \"issued\": [\"0x8400006F\"], \"answer\": [] } ] } ] }",
        "mine.json: w, 'a': issued: expected 18 registers as 0x-prefixed hex, got 1")]
    [TestCase("{ \"format\": \"ffa-conformance-corpus/1\", \"sources\": [], \"extra\": 1 }", "mine.json is not an answer corpus")]
    public void ACorpusThatCannotBeUsedIsOneErrorNamingTheEntry(string json, string says)
    {
        var error = Assert.Throws<InvalidDataException>(() => AnswerCorpus.Parse(json, "mine.json"))!;

        Assert.That(error.Message, Does.StartWith(says));
    }

    [Test]
    public void AnAnswerTheGeneratorsDoNotWriteIsRefusedWithItsRegisters()
    {
        var issued = Enumerable.Repeat("0x0", 18).ToArray();
        issued[0] = "0x8400006F";
        issued[1] = "0x8001";
        var answer = Enumerable.Repeat("0x0", 18).ToArray();
        answer[0] = "0x84000070";
        answer[1] = "0x80010000";
        answer[8] = "0x7";
        var corpus = new AnswerCorpus(AnswerCorpus.CurrentFormat, [new CorpusSource("w", "f", "r", "t", [new CorpusCall("odd x8", issued, answer)])]);

        var error = Assert.Throws<InvalidDataException>(() => AnswerCorpus.Parse(corpus.ToJson(), "mine.json"))!;

        Assert.That(error.Message, Does.StartWith("mine.json: w, 'odd x8': the answer ").And.EndWith("is none the generators write, so they cannot draw it"));
    }
}
