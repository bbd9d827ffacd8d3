using System.Buffers.Binary;
using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Linux;

/// <summary>
/// Where in the kernel's Image the harness stops the guest, found by instruction signatures from
/// arch/arm64/kernel/smccc-call.S (each occurs once; no symbol table is needed, and a kernel update that
/// moves them is found again): the hvc of arm_smccc_1_2_hvc, which the FF-A driver's calls go through, and
/// the hvc of __arm_smccc_hvc, which PSCI and SMCCC discovery use at boot. The Image is booted with nokaslr,
/// so an instruction's address is the kernel's text base plus its offset in the file.
/// </summary>
public sealed record KernelSites(ulong FfaConduit, ulong PsciConduit)
{
    /// <summary>Where the arm64 kernel's text starts without KASLR.</summary>
    public const ulong TextBase = 0xffff_8000_8000_0000;

    private const uint Hvc = 0xd4000002;

    /// <summary>ldp x14, x15 / ldp x16, x17 / hvc #0 / ldr x19: the hvc is the third word.</summary>
    private static readonly uint[] Smccc12Hvc = [0xa9473e6e, 0xa9484670, Hvc, 0xf94003f3];

    /// <summary>bti c / hvc #0 / ldr x4 / stp x0, x1: the hvc is the second word.</summary>
    private static readonly uint[] SmcccHvc = [0xd503245f, Hvc, 0xf94003e4, 0xa9000480];

    public static KernelSites Find(string image)
    {
        var bytes = File.ReadAllBytes(image);
        return new KernelSites(TextBase + Once(bytes, Smccc12Hvc, "arm_smccc_1_2_hvc", image) + 8, TextBase + Once(bytes, SmcccHvc, "__arm_smccc_hvc", image) + 4);
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
