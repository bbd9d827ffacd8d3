using FfaConformance.Abi;
using FfaConformance.Reports.Text;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Runner.Records;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;

namespace FfaConformance.Tests.Bindings;

/// <summary>
/// A finding on a binding target names the implementation's function that ran the case, and shows its return
/// value in the implementation's own terms: a REQ rule judged ArmFfaLibMsgSendDirectReq(), a REQ2 rule
/// ArmFfaLibMsgSendDirectReq2(), both resumed with ArmFfaLibRun(), and what they returned as EFI_STATUS names.
/// </summary>
[TestFixture]
[Category("Native")]
public sealed class Edk2EvidenceTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    private string work = string.Empty;

    [SetUp]
    public void SetUp() => work = Directory.CreateTempSubdirectory("ffa-edk2-evidence-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(work, recursive: true);

    [TestCase("INV-RESP-SUCCESS-NOT-COMPLETION", "ArmFfaLibMsgSendDirectReq(), resumed with ArmFfaLibRun()")]
    [TestCase("INV-REQ2-ONLY-RESP2", "ArmFfaLibMsgSendDirectReq2(), resumed with ArmFfaLibRun()")]
    public void AFindingNamesTheFunctionAndTheStatus(string ruleId, string judged)
    {
        Edk2Tree.Require();
        using var target = Edk2Tree.Target(Edk2Tree.Root, work);
        var result = Runner.Check(target, RuleCatalogue.Get(ruleId), SettingsLoader.DefaultOptions);

        var record = RecordBuilder.Result(result, Judgement.Of(result, null, DateOnly.MinValue), target.Description, _ => null);
        var text = FailureText.Format(record, RecordBuilder.Rules().Single(r => r.Id == ruleId));

        Assert.That(record.Evidence?.Judged, Is.EqualTo(judged), result.Message);
        Assert.That(text, Does.Contain($"Judged: {judged}").And.Contain("returned EFI_SUCCESS (completed)"));
    }
}
