using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.ErrorMapping;

/// <summary>
/// What the totality rules of every convention check: an FFA_ERROR is never a completion; a code FF-A defines is
/// refused (its own mapping is the table rule's business), any other code is the convention's catch-all.
/// </summary>
public abstract class ErrorTotalRule(RuleInfo info) : SendRule(info with
{
    Coverage = ["code 0", "positive code", "code ≤ −11", "defined code"],
})
{
    /// <summary>The profile a totality rule generates from: an FFA_ERROR at once, with any code.</summary>
    protected static readonly Scenarios.Profiles.ScenarioProfile Codes = Profiles.Final(UnknownErrorCode, CoreError, LaterError);

    /// <summary>The same without INTERRUPTED, for a convention whose INTERRUPTED status is one a caller resumes.</summary>
    protected static readonly Scenarios.Profiles.ScenarioProfile RefusalCodes = Profiles.Final(UnknownErrorCode, RefusalError);

    protected override bool Exercises(SendView send) =>
        send.EndsAtOnce<ErrorAnswer>(out var error) && error.Extension == X2Extension.Zero;

    protected override IEnumerable<string> Classify(SendView send)
    {
        send.EndsAtOnce<ErrorAnswer>(out var error);
        yield return error.Code switch
        {
            0 => "code 0",
            > 0 => "positive code",
            <= -11 => "code ≤ −11",
            _ => "defined code",
        };
    }

    protected override Finding? Violation(SendView send)
    {
        send.EndsAtOnce<ErrorAnswer>(out var error);
        return FfaErrors.IsDefined(error.Code)
            ? Expect.Failure(send, $"FFA_ERROR {FfaErrors.Describe(error.Code)} is an error")
            : ErrorChecks.Maps(send);
    }
}
