using System.Text.Json;
using FfaConformance.Records;
using FfaConformance.Reports.Html;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Tests.Reporting;

/// <summary>
/// run.json keeps a finding's field as the text it held before fields were typed — every text the rules wrote
/// then — and a text this version does not write reads, writes back unchanged and points nowhere.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class FindingFieldJsonTests
{
    private static readonly object[] TextsBefore =
    [
        new object[] { FindingField.X(0), "x0" },
        new object[] { FindingField.X(1), "x1" },
        new object[] { FindingField.X(2), "x2" },
        new object[] { FindingField.X(7), "x7" },
        new object[] { FindingField.X(17), "x17" },
        new object[] { FindingField.W(0), "w0" },
        new object[] { FindingField.W(1), "w1" },
        new object[] { FindingField.W(7), "w7" },
        new object[] { FindingField.X(1, 15, 0), "x1[15:0]" },
        new object[] { FindingField.X(1, 31, 16), "x1[31:16]" },
        new object[] { FindingField.X(1, 63, 32), "x1[63:32]" },
        new object[] { FindingField.X(7, 63, 32), "x7[63:32]" },
        new object[] { FindingField.MessageWord(0), "message word 0" },
        new object[] { FindingField.MessageWord(13), "message word 13" },
        new object[] { FindingField.ReturnValue, "return value" },
        new object[] { FindingField.Message, "message" },
        new object[] { FindingField.Outcome, "outcome" },
        new object[] { FindingField.NextCall, "next call" },
        new object[] { FindingField.Calls, "calls" },
        new object[] { FindingField.CallCount, "call count" },
        new object[] { FindingField.IssuedRegisters, "issued registers" },
        new object[] { FindingField.Conduit, "conduit" },
        new object[] { FindingField.MemoryAccess, "memory access" },
        new object[] { FindingField.Address, "address" },
    ];

    [TestCaseSource(nameof(TextsBefore))]
    public void TheFieldIsWrittenAsTheTextItHadBeforeAndReadBackAsItself(FindingField field, string text)
    {
        var line = RunRecordFile.WriteResult(FindingFieldCases.Result(field));

        Assert.Multiple(() =>
        {
            Assert.That(field.ToString(), Is.EqualTo(text));
            Assert.That(line, Is.EqualTo(RunRecordFile.WriteResult(FindingFieldCases.Result(null)).Replace("\"field\":null", $"\"field\":\"{text}\"", StringComparison.Ordinal)));
            Assert.That(Read(line), Is.EqualTo(field));
        });
    }

    [Test]
    public void NoFieldStaysNone() =>
        Assert.That(Read(RunRecordFile.WriteResult(FindingFieldCases.Result(null))), Is.Null);

    [TestCase("")]
    [TestCase("x18")]
    [TestCase("x01")]
    [TestCase("x")]
    [TestCase("x-1")]
    [TestCase("x1[16:31]")]
    [TestCase("x1[31:16")]
    [TestCase("w1[32:0]")]
    [TestCase("message word 14")]
    [TestCase("Return Value")]
    [TestCase("registers <b>x1</b> \"quoted\"")]
    public void ATextThisVersionDoesNotWriteIsKeptAndPointsNowhere(string text)
    {
        var line = RunRecordFile.WriteResult(FindingFieldCases.Result(null)).Replace("\"field\":null", $"\"field\":{JsonSerializer.Serialize(text)}", StringComparison.Ordinal);
        var field = Read(line)!;
        var html = TraceTable.Render(FindingFieldCases.Case(field));

        Assert.Multiple(() =>
        {
            Assert.That((field.Kind, field.Register, field.InOutcome), Is.EqualTo((FieldKind.Unrecognised, (int?)null, false)));
            Assert.That(RunRecordFile.WriteResult(FindingFieldCases.Result(field)), Is.EqualTo(line));
            Assert.That(html, Does.Not.Contain("class=\"hl\"").And.Not.Contain("outcome hl"));
        });
    }

    [Test]
    public void EveryKindAFieldCanHaveIsOneTheTestsMake() =>
        Assert.Multiple(() =>
        {
            Assert.That(AnyFindingField.Named.Select(n => n.Field), Is.EquivalentTo(FindingField.Named));
            Assert.That(
                TextsBefore.Select(t => ((FindingField)((object[])t)[0]).Kind).Distinct(),
                Is.EquivalentTo(Enum.GetValues<FieldKind>().Except([FieldKind.Unrecognised])));
        });

    private static FindingField? Read(string line)
    {
        using var json = JsonDocument.Parse(line);
        return RunRecordFile.ReadResult(json.RootElement).Evidence!.Minimal.Finding!.Field;
    }
}
