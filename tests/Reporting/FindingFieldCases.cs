using FfaConformance.Records;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Tests.Reporting;

/// <summary>A failing case whose finding points at call #1 of step 1 with a given field, and a result that holds it.</summary>
internal static class FindingFieldCases
{
    public static CaseRecord Case(FindingField? field)
    {
        // Every register set to a value of its own and none to zero, so each shows in its cell and x8–x17 shows too.
        IReadOnlyList<string> registers = [.. Enumerable.Range(1, 18).Select(v => $"0x{v:X}")];
        var call = new CallRecord("SMC", "FFA_MSG_SEND_DIRECT_REQ_32", registers, "FFA_MSG_SEND_DIRECT_RESP_32", registers);
        var step = new StepRecord("send", [call], "returned 0, message [0x1]", 0, ["0x1"]);
        var finding = new FindingRecord("the field is wrong", 0, 0, field, "0", "1");
        return new CaseRecord("scenario", FailureKind.Finding, finding, [], [step]);
    }

    public static ResultRecord Result(FindingField? field) => new(
        "target",
        "INV-TEST",
        RuleOutcome.Failed,
        Verdict.Failed,
        "the field is wrong",
        1,
        1,
        new Dictionary<string, int>(),
        [],
        "1,2",
        0.5,
        null,
        new EvidenceRecord(Case(field), Case(field), true, "1,2,0", null, 1, 0));
}
