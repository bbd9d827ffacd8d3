using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>
/// file:line of code addresses in an AArch64 ELF built with debug information, from binutils' own
/// aarch64-linux-gnu-addr2line (the package the QEMU targets already need for strip), asked once per address:
/// faults are rare, so a process per question costs nothing that matters.
/// </summary>
internal sealed class SourceLines(string elf)
{
    public const string Tool = "aarch64-linux-gnu-addr2line";

    private readonly Dictionary<ulong, string?> known = [];

    /// <summary>"drivers/firmware/arm-ffa/arm-ffa-runtime.c:123", or null where the ELF's line tables do not say.</summary>
    public string? At(ulong address)
    {
        if (!known.TryGetValue(address, out var line))
        {
            var (exit, output) = Toolchain.Invoke(Tool, ["-e", elf, $"0x{address:X}"]);
            var first = output.Split('\n', 2)[0].Trim();
            var discriminator = first.IndexOf(" (discriminator", StringComparison.Ordinal);
            first = discriminator < 0 ? first : first[..discriminator];
            line = exit == 0 && first.Length > 0 && !first.StartsWith("??", StringComparison.Ordinal) && !first.EndsWith(":?", StringComparison.Ordinal) && !first.EndsWith(":0", StringComparison.Ordinal)
                ? first
                : null;
            known[address] = line;
        }

        return line;
    }
}
