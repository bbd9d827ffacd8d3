using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.ErrorMapping;

/// <summary>The check the errno rules share: the send ended at an FFA_ERROR and returned the table's errno for it.</summary>
internal static class ErrnoChecks
{
    public static Finding? Maps(SendView send)
    {
        var error = (ErrorAnswer)send.Flow.Stop!;
        var expected = ErrnoTable.ReturnValueFor(error.Code);
        return Expect.Return(send, r => r.ReturnValue == expected
            ? null
            : new Finding($"FFA_ERROR {FfaErrors.Describe(error.Code)} is mapped wrongly", send.Flow.Depth, FindingField.ReturnValue, Show.Errno(expected), Show.Errno(r.ReturnValue)));
    }
}
