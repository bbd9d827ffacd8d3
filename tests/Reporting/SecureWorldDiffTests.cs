using FfaConformance.Records;
using FfaConformance.Reports.Diff;

namespace FfaConformance.Tests.Reporting;

/// <summary>The differential of two secure worlds: register by register, and only between targets that compare.</summary>
[TestFixture]
[Category("Fast")]
public sealed class SecureWorldDiffTests
{
    [Test]
    public void EveryRegisterThatDiffersIsListedWithItsCallAndNothingElse()
    {
        var left = new[] { Call("FFA_VERSION(v1.2)", "FFA_VERSION", ["0x10002", "0x10002"]), Call("FFA_ID_GET", "FFA_SUCCESS_32", ["0x84000061", "0x0"]) };
        var right = new[] { Call("FFA_VERSION(v1.2)", "FFA_VERSION", ["0x10002", "0x0"]), Call("FFA_ID_GET", "FFA_ERROR_32", ["0x84000060", "0x0"]) };

        var differences = SecureWorldDiff.Compare(left, right);

        Assert.That(differences, Is.EqualTo(new[]
        {
            new AnswerDifference(0, "FFA_VERSION(v1.2)", "x1", "0x10002", "0x0"),
            new AnswerDifference(1, "FFA_ID_GET", "answered", "FFA_SUCCESS_32", "FFA_ERROR_32"),
            new AnswerDifference(1, "FFA_ID_GET", "x0", "0x84000061", "0x84000060"),
        }));
    }

    [Test]
    public void OnlyTargetsOfTheSameSourceUnderDifferentSecureWorldsWithTheSameCallsArePaired()
    {
        var calls = new[] { Call("FFA_ID_GET", "FFA_SUCCESS_32", ["0x84000061"]) };
        TargetRecord Target(string name, string source, string note, bool real = true) =>
            new(name, "qemu", "v1.2", string.Empty, source, null, null, null, note, null, 0, 0, null, real, calls);
        var run = new RunRecord(RunRecord.CurrentFormat, new RunInfo("id", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "host", "runtime", null, 1, 256, "1.3", null, true), [],
        [
            Target("a-tfa", "a.c", "under tfa"), Target("a-optee", "a.c", "under optee"), Target("a-tfa-again", "a.c", "under tfa"),
            Target("b-optee", "b.c", "under optee"), Target("a-harness", "a.c", "harness", real: false),
        ], []);

        Assert.That(SecureWorldDiff.Pairs(run).Select(p => (p.Left.Name, p.Right.Name)), Is.EquivalentTo(new[] { ("a-tfa", "a-optee"), ("a-optee", "a-tfa-again") }));
    }

    [Test]
    public void TheReportShowsEachRealSecureWorldAndTheRegistersTwoOfThemAnsweredDifferently()
    {
        TargetRecord Target(string name, string note, string x1) =>
            new(name, "qemu", "v1.2", string.Empty, "a.c", null, null, null, note, null, 0, 0, null, true,
                [Call("FFA_VERSION(v1.2)", "FFA_VERSION", ["0x10002", x1])]);
        ResultRecord Result(string target, RuleOutcome outcome, Dictionary<string, int> answered) =>
            new(target, "INV-RESP-PAYLOAD", outcome, Verdict.Passed, "m", 10, 10, new Dictionary<string, int>(), [], "s", 0, null, null) { Answered = answered };
        var run = new RunRecord(RunRecord.CurrentFormat, new RunInfo("id", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "host", "runtime", null, 1, 256, "1.3", null, true), [],
            [Target("el3", "under <tfa>", "0x10002"), Target("sel1", "under optee", "0x0")],
            [
                Result("el3", RuleOutcome.Passed, new() { ["DIRECT_RESP_32"] = 6, ["FFA_ERROR_32"] = 4 }),
                Result("sel1", RuleOutcome.NotExercised, new() { ["DIRECT_RESP_32"] = 10 }),
            ]);

        var html = Reports.Html.HtmlReport.Render(run);
        var section = html[html.IndexOf("id=\"secure-worlds\"", StringComparison.Ordinal)..html.IndexOf("id=\"rules\"", StringComparison.Ordinal)];

        Assert.Multiple(() =>
        {
            Assert.That(section, Does.Contain("under &lt;tfa&gt;").And.Not.Contain("<tfa>"), "the probe's note, escaped");
            Assert.That(section, Does.Contain("DIRECT_RESP_32 6, FFA_ERROR_32 4").And.Contain("DIRECT_RESP_32 10"));
            Assert.That(section, Does.Contain("el3 and sel1 side by side").And.Contain("1 registers differ"));
            Assert.That(section, Does.Contain("<td>x1</td><td><code>0x10002</code></td><td><code>0x0</code></td>"));
        });
    }

    private static ProbeCallRecord Call(string asked, string answered, string[] answer) =>
        new(asked, new CallRecord("SMC", "X", ["0x1"], answered, answer));
}
