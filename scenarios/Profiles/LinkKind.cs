namespace FfaConformance.Scenarios.Profiles;

/// <summary>The answers a chain is made of: each asks the caller to resume with FFA_RUN, if its ID exists.</summary>
public enum LinkKind
{
    Interrupt32,
    Yield32,

    /// <summary>0xC4000062: exists only from v1.3.</summary>
    Interrupt64,

    /// <summary>0xC400006C: exists only from v1.3.</summary>
    Yield64,
}
