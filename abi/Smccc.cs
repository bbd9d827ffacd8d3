namespace FfaConformance.Abi;

/// <summary>SMCCC facts that are not FF-A functions.</summary>
public static class Smccc
{
    /// <summary>SMCCC NOT_SUPPORTED / unknown function: −1 as a 32-bit w0.</summary>
    public const uint NotSupported = 0xFFFF_FFFF;

    /// <summary>TF-A writes SMC_UNK (−1) into the whole of x0.</summary>
    public const ulong UnknownFunction64 = ulong.MaxValue;
}
