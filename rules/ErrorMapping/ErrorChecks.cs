using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.ErrorMapping;

/// <summary>
/// The check the error-mapping rules share: the send ended at an FFA_ERROR and returned what the target's
/// convention returns for the code's outcome.
/// </summary>
internal static class ErrorChecks
{
    public static Finding? Maps(SendView send)
    {
        var error = (ErrorAnswer)send.Flow.Stop!;
        var expected = CallOutcomes.Of(error.Code);
        return Expect.Return(send, r => r.ReturnValue == send.Returns.ValueFor(expected)
            ? null
            : new Finding($"FFA_ERROR {FfaErrors.Describe(error.Code)} is mapped wrongly", send.Flow.Depth, FindingField.ReturnValue, send.Returns.Describe(expected), send.Returns.Describe(r.ReturnValue)));
    }
}
