namespace FfaConformance.Scenarios.Answers;

/// <summary>
/// How the secure world widens FFA_ERROR's 32-bit code into x2: TF-A's SPMD and Hafnium zero-extend, TF-A's
/// EL3 SPMC sign-extends; garbage stands for anything else in x2[63:32].
/// </summary>
public enum X2Extension
{
    Zero,
    Sign,
    Garbage,
}
