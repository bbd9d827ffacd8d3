using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Traces;

/// <summary>One SMC/HVC the target issued and what the secure world answered (null: the case was stopped at it).</summary>
public sealed record ConduitCall(ConduitKind Conduit, RegisterSet Issued, RegisterSet? Answer)
{
    public override string ToString() =>
        $"{Conduit.ToString().ToUpperInvariant()} {FfaFunctions.Describe(Issued.W0)} [{Issued}] → " +
        (Answer is null ? "(stopped)" : $"{FfaFunctions.Describe(Answer.W0)} [{Answer}]");
}
