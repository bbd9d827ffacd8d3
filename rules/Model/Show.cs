using FfaConformance.Abi;

namespace FfaConformance.Rules.Model;

/// <summary>How findings spell values: hex with the ABI name where there is one.</summary>
public static class Show
{
    public static string Id(uint w0) => $"0x{w0:X8} ({FfaFunctions.Describe(w0)})";

    public static string Hex(ulong value) => value > uint.MaxValue ? $"0x{value:X16}" : $"0x{value:X}";
}
