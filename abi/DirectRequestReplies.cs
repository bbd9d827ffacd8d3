namespace FfaConformance.Abi;

/// <summary>The w0 values fact sheet §3.4 lists as replies to a direct request, in any width and at any version.</summary>
public static class DirectRequestReplies
{
    public static bool IsListed(uint w0) =>
        FfaFunctions.DirectResponse.Matches(w0) || FfaFunctions.Error.Matches(w0) || FfaFunctions.Success.Matches(w0)
        || FfaFunctions.Interrupt.Matches(w0) || FfaFunctions.Yield.Matches(w0) || w0 == Smccc.NotSupported;
}
