namespace FfaConformance.Abi;

/// <summary>SMCCC calling convention, bit 30 of a function ID: SMC32 passes w0–w7, SMC64 x0–x17.</summary>
public enum Convention
{
    Smc32,
    Smc64,
}
