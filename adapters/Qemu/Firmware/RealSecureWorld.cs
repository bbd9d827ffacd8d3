using System.Buffers.Binary;
using System.Security.Cryptography;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Qemu.Firmware;

/// <summary>
/// Real TF-A firmware for QEMU's virt board (a folder holding bl1.bin and fip.bin, or their qemu_fw.bios, and bl31.elf),
/// under which our firmware runs as BL33: BL2 loads a stub of ours as the fip's BL33, which branches to our firmware's
/// entry, loaded by QEMU where it is linked; every SMC it makes then reaches the real EL3 firmware.
/// </summary>
public sealed record RealSecureWorld(string Folder, string Bl1, string Fip, string Bl31)
{
    /// <summary>How messages name the setting that chose it.</summary>
    public string Key { get; init; } = "secure world";

    /// <summary>Where TF-A's bios image has its fip (plat/qemu: bl1 in the first 256 KiB of flash).</summary>
    public const int FipOffset = 256 * 1024;

    /// <summary>QEMU 7.2's virt board as TF-A's QEMU platform expects it: EL3 and the secure world on, no EL2, so BL33 enters at EL1 as our firmware does; SME off, which TF-A does not enable for the normal world.</summary>
    public static readonly IReadOnlyList<string> Machine =
        ["-M", "virt,secure=on,virtualization=off,gic-version=3,acpi=off", "-cpu", "max,sme=off,pauth-impdef=on"];

    /// <summary>RAM for TF-A's QEMU platform, which keeps the DTB at its start and BL33 at 0x60000000.</summary>
    public const int MemoryMib = 1024;

    /// <summary>The SecureWorld setting of the QEMU adapters.</summary>
    public static readonly SettingKey Setting = new("SecureWorld", Accepted, v => v.Trim().Length > 0);

    /// <summary>The value that keeps the harness's scripted secure world.</summary>
    public const string Harness = "harness";

    public const string Accepted =
        "accepted: harness (the scripted secure world) or a folder of TF-A firmware for QEMU's virt board holding bl1.bin and fip.bin (or their qemu_fw.bios) and bl31.elf";

    /// <summary>The folder at <paramref name="path"/>; a missing one skips the target unless it is <paramref name="required"/>; one missing file is one message naming the key and the file.</summary>
    public static RealSecureWorld Resolve(string path, string key, bool required)
    {
        if (!Directory.Exists(path))
        {
            throw File.Exists(path)
                ? new TargetUnavailableException($"{key} = '{path}' is a file; {Accepted}", skip: false)
                : new TargetUnavailableException($"{key} = '{path}' is not present{(required ? $"; {Accepted}" : " (the target is not required, so it is skipped)")}", skip: !required);
        }

        var bl31 = Path.Combine(path, "bl31.elf");
        if (!File.Exists(bl31))
        {
            throw new TargetUnavailableException($"{key} = '{path}' has no bl31.elf; {Accepted}", skip: false);
        }

        var (bl1, fip) = (Path.Combine(path, "bl1.bin"), Path.Combine(path, "fip.bin"));
        if (File.Exists(bl1) && File.Exists(fip))
        {
            return new RealSecureWorld(path, bl1, fip, bl31) { Key = key };
        }

        var bios = Path.Combine(path, "qemu_fw.bios");
        return File.Exists(bios)
            ? new RealSecureWorld(path, bios, bios, bl31) { Key = key }
            : throw new TargetUnavailableException($"{key} = '{path}' has neither bl1.bin with fip.bin nor qemu_fw.bios; {Accepted}", skip: false);
    }

    /// <summary>The bios image with a BL33 that enters our firmware at <paramref name="entry"/>, built with fiptool or taken from the cache.</summary>
    public string Bios(ulong entry, string fiptool, string buildRoot) => Bios(Stub(entry), fiptool, buildRoot);

    /// <summary>
    /// The bios image with a BL33 that boots an arm64 Linux Image at <paramref name="kernel"/> as its boot protocol asks:
    /// x0 the device tree's address (<paramref name="deviceTree"/>), x1–x3 zero.
    /// </summary>
    public string KernelBios(ulong kernel, ulong deviceTree, string fiptool, string buildRoot) => Bios(KernelStub(kernel, deviceTree), fiptool, buildRoot);

    private string Bios(byte[] stub, string fiptool, string buildRoot)
    {
        var (bl1, fip) = Parts();
        var key = Convert.ToHexStringLower(SHA256.HashData([.. bl1, .. fip, .. stub]))[..16];
        return Path.Combine(CBuild.Cached(buildRoot, "secure-world", key, "fw.bios", work =>
        {
            File.WriteAllBytes(Path.Combine(work, "fip.bin"), fip);
            File.WriteAllBytes(Path.Combine(work, "bl33.bin"), stub);
            var (exit, output) = Toolchain.Invoke(fiptool, ["update", "--nt-fw", "bl33.bin", "fip.bin"], work);
            if (exit != 0)
            {
                throw new TargetBuildException($"fiptool could not put our BL33 into the fip of {Folder}", output);
            }

            var image = new byte[FipOffset];
            bl1.CopyTo(image, 0);
            File.WriteAllBytes(Path.Combine(work, "fw.bios"), [.. image, .. File.ReadAllBytes(Path.Combine(work, "fip.bin"))]);
        }), "fw.bios");
    }

    /// <summary>bl1 and the fip: the two files, or the bios split where TF-A's QEMU platform puts the fip.</summary>
    private (byte[] Bl1, byte[] Fip) Parts()
    {
        if (Bl1 != Fip)
        {
            var bl1 = File.ReadAllBytes(Bl1);
            return bl1.Length <= FipOffset
                ? (bl1, File.ReadAllBytes(Fip))
                : throw new InvalidDataException($"{Bl1} is {bl1.Length} bytes, more than the {FipOffset} before the fip");
        }

        var bios = File.ReadAllBytes(Bl1);
        return bios.Length > FipOffset
            ? (bios[..FipOffset], bios[FipOffset..])
            : throw new InvalidDataException($"{Bl1} is {bios.Length} bytes and so holds no fip at {FipOffset}");
    }

    /// <summary>ldr x0, dtb; ldr x9, kernel; x1–x3 = 0; br x9; the two 64-bit addresses.</summary>
    private static byte[] KernelStub(ulong kernel, ulong deviceTree)
    {
        uint[] code = [0x5800_00C0, 0x5800_00E9, 0xAA1F_03E1, 0xAA1F_03E2, 0xAA1F_03E3, 0xD61F_0120];
        var stub = new byte[(4 * code.Length) + 16];
        for (var i = 0; i < code.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(stub.AsSpan(4 * i), code[i]);
        }

        BinaryPrimitives.WriteUInt64LittleEndian(stub.AsSpan(4 * code.Length), deviceTree);
        BinaryPrimitives.WriteUInt64LittleEndian(stub.AsSpan((4 * code.Length) + 8), kernel);
        return stub;
    }

    /// <summary>ldr x9, 8; br x9; the 64-bit address: all BL33 has to do.</summary>
    private static byte[] Stub(ulong entry)
    {
        var stub = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(stub, 0x5800_0049);
        BinaryPrimitives.WriteUInt32LittleEndian(stub.AsSpan(4), 0xD61F_0120);
        BinaryPrimitives.WriteUInt64LittleEndian(stub.AsSpan(8), entry);
        return stub;
    }
}
