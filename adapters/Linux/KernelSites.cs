using System.Buffers.Binary;
using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Linux;

/// <summary>
/// Where in the kernel's Image the harness stops the guest, found by instruction signatures from
/// arch/arm64/kernel/smccc-call.S (each occurs once; no symbol table is needed, and a kernel update that
/// moves them is found again): the conduit instruction of arm_smccc_1_2_hvc (or _smc), which the FF-A driver's calls go
/// through, and that of __arm_smccc_hvc (or _smc), which PSCI and SMCCC discovery use at boot. The Image is booted with
/// nokaslr, so an instruction's address is the kernel's text base plus its offset in the file. The driver takes its
/// conduit from PSCI's: hvc under QEMU's own PSCI, smc under real firmware.
/// </summary>
public sealed record KernelSites(ulong FfaConduit, ulong PsciConduit)
{
    /// <summary>Where the arm64 kernel's text starts without KASLR.</summary>
    public const ulong TextBase = 0xffff_8000_8000_0000;

    private const uint Hvc = 0xd4000002;
    private const uint Smc = 0xd4000003;

    public static KernelSites Find(string image, Abi.ConduitKind conduit = Abi.ConduitKind.Hvc)
    {
        var bytes = File.ReadAllBytes(image);
        var (instruction, name) = conduit == Abi.ConduitKind.Smc ? (Smc, "smc") : (Hvc, "hvc");

        // ldp x14, x15 / ldp x16, x17 / the conduit / ldr x19: the conduit is the third word.
        uint[] smccc12 = [0xa9473e6e, 0xa9484670, instruction, 0xf94003f3];

        // bti c / the conduit / ldr x4 / stp x0, x1: the conduit is the second word.
        uint[] smccc = [0xd503245f, instruction, 0xf94003e4, 0xa9000480];
        return new KernelSites(TextBase + Once(bytes, smccc12, $"arm_smccc_1_2_{name}", image) + 8, TextBase + Once(bytes, smccc, $"__arm_smccc_{name}", image) + 4);
    }

    private static ulong Once(byte[] image, uint[] words, string what, string path)
    {
        var pattern = new byte[4 * words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(pattern.AsSpan(4 * i), words[i]);
        }

        var first = image.AsSpan().IndexOf(pattern);
        var last = image.AsSpan().LastIndexOf(pattern);
        if (first < 0 || first != last)
        {
            throw new TargetUnavailableException(
                $"the kernel image {path} has {(first < 0 ? "no" : "more than one")} copy of {what}'s instruction sequence; the linux adapter cannot trap its calls", skip: false);
        }

        return (ulong)first;
    }
}
