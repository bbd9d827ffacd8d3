using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Tests.Mutants;

namespace FfaConformance.Tests.Native;

/// <summary>
/// The minimal counterexample of each rule the seed fails, on any adapter: the one the C# mutant with the same
/// deviation shrinks to, or (for the sender ID, which only D7 gets wrong) a NULL-context ExitBootServices.
/// </summary>
public static class SeedMinimums
{
    /// <summary>Which mutant's minimal counterexample the seed's failure of each rule must equal.</summary>
    private static readonly Dictionary<string, string> SameMinimumAs = new()
    {
        ["INV-RT-ENABLE-VALID"] = nameof(EnablesRuntimeWithoutContext),
        ["INV-REQ-NULL-MSG"] = nameof(DereferencesNullMessage),
        ["INV-REQ-SMC32-WIDTH"] = nameof(PassesSmc32PayloadUnmasked),
        ["INV-RESP-SMC32-MASK"] = nameof(CopiesSmc32ResponseUnmasked),
        ["INV-RESP-MATCH-WIDTH"] = nameof(AcceptsOtherWidthResponse),
        ["INV-RESP-SUCCESS-NOT-COMPLETION"] = nameof(SuccessCompletes),
        ["INV-RESP-W0-32"] = nameof(ComparesWholeX0),
        ["INV-RESP-W1-ECHO"] = nameof(TrustsAnyResponder),
        ["INV-RESP-W2-PARTITION"] = nameof(IgnoresResponseFlags),
        ["INV-ERR-ONLY-FFA_ERROR"] = nameof(DecodesX2OfAnyReply),
        ["INV-SMCCC-UNKNOWN"] = nameof(IgnoresSmcccNotSupported),
        ["INV-INT-64-GATED"] = nameof(IssuesRun64),
        ["INV-INT-BOUND"] = nameof(ResumesWithoutBound),
        ["INV-YIELD-W2-NOT-ERROR"] = nameof(YieldIsAnError),
    };

    public static bool IsMinimal(string ruleId, Scenario scenario)
    {
        if (ruleId == "INV-REQ-SELF-ID")
        {
            return scenario == Scenario.Of(new BootState(1), new ExitBootServicesStep(false),
                new SendStep(Entry.Runtime, Minimal.Request(), Script.Of(Minimal.Response())));
        }

        return MutantCatalogue.All.First(m => m.Name == SameMinimumAs[ruleId] && m.RuleId == ruleId).IsMinimal(scenario);
    }
}
