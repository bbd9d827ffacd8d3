using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.InterruptYield;

/// <summary>What the interrupt/yield rules share: which FFA_RUN IDs may follow a resumption at a version.</summary>
internal static class Resumptions
{
    /// <summary>
    /// FFA_RUN_32 always; FFA_RUN_64 only once v1.3 is negotiated, and then also after a 64-bit resumption
    /// (which width v1.3 requires there is not verified [SPEC?], so either is accepted).
    /// </summary>
    public static bool IsValidRun(uint w0, FfaVersion version) =>
        w0 == FfaFunctions.Run.Id(Convention.Smc32).Value
        || (w0 == FfaFunctions.Run.Id(Convention.Smc64).Value && FfaFunctions.Run.IsDefined(Convention.Smc64, version));

    /// <summary>Each resumption the send must follow, with its index in the script.</summary>
    public static IEnumerable<(int Index, Resumption Answer)> Required(RequestView send)
    {
        for (var i = 0; i < send.Flow.Depth; i++)
        {
            yield return (i, (Resumption)send.Script.AnswerFor(i)!);
        }
    }

    /// <summary>The call after resumption <paramref name="index"/> must be a valid FFA_RUN; null if it is.</summary>
    public static Finding? RunFollows(RequestView send, int index, Resumption resumption)
    {
        if (send.Calls.Count <= index)
        {
            return null;
        }

        if (send.Calls.Count == index + 1)
        {
            return new Finding($"no FFA_RUN after {resumption.Label}: the request was abandoned", index, FindingField.NextCall,
                Show.Id(FfaFunctions.Run.Id(Convention.Smc32).Value), "none");
        }

        var w0 = send.Calls[index + 1].Issued.W0;
        return IsValidRun(w0, send.Version)
            ? null
            : new Finding($"{resumption.Label} was not followed by a valid FFA_RUN", index + 1, FindingField.W(0), Show.Id(FfaFunctions.Run.Id(Convention.Smc32).Value), Show.Id(w0));
    }
}
