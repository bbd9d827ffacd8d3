using FfaConformance.Adapters.Bindings;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>
/// Builds the bare-metal aarch64 image for an implementation with Debian's cross compiler: our boot code, vectors,
/// trampoline and conduit, the harness core, and an implementation through its binding, laid out by
/// c/firmware/firmware.ld with runtime code and data in their own section as U-Boot does.
/// </summary>
public static class FirmwareBuild
{
    public const string CrossPrefix = "aarch64-linux-gnu-";

    /// <summary>
    /// How every C file of an aarch64 image is compiled: freestanding, no FP/SIMD, no unaligned access (the MMU
    /// may be off), and x18 left alone — our firmware keeps the running step's index there, U-Boot its global data.
    /// </summary>
    public static readonly IReadOnlyList<string> CFlags =
    [
        "-O2", "-g", "-std=gnu11", "-Wall", "-ffreestanding", "-nostdlib", "-mgeneral-regs-only", "-mstrict-align",
        "-fno-pie", "-ffixed-x18", "-fno-stack-protector", "-fno-tree-loop-distribute-patterns", "-mno-outline-atomics", "-fno-common",
    ];

    /// <summary>How our firmware is linked; --emit-relocs keeps the relocations the harness relocates the runtime region by for SetVirtualAddressMap.</summary>
    private static readonly string[] LinkFlags = ["-nostdlib", "-static", "-no-pie", "-Wl,--build-id=none", "-Wl,--no-warn-rwx-segments", "-Wl,--emit-relocs"];

    private static string Directory => Path.Combine(CSources.Root, "firmware");

    /// <summary>The image for a binding's implementation from <paramref name="source"/>, cross-compiled with its aarch64 headers.</summary>
    public static string Image(Binding binding, BindingSource source, Toolchain cross, string buildRoot)
    {
        const string arch = "aarch64";
        return Path.Combine(CBuild.Cached(buildRoot, $"firmware-{binding.Name}", BindingBuild.Key(binding, source, cross, arch, [.. CFlags, .. LinkFlags]), "firmware.elf", work =>
        {
            BindingBuild.Compile(binding, source, cross, arch, CFlags, work);
            Link(binding, cross, work, ["transport.o", "glue.o"]);
        }), "firmware.elf");
    }

    /// <summary>Our boot code, vectors, trampoline, conduit, main loop, MMU set-up, runtime calls and the harness core, linked with <paramref name="objects"/>.</summary>
    private static void Link(Binding binding, Toolchain cross, string work, IEnumerable<string> objects)
    {
        var linked = new List<string>(objects);
        foreach (var assembly in new[] { "start", "vectors", "trampoline", "conduit" })
        {
            CBuild.Compile(cross, $"the firmware's {assembly}.S", ["-c", Path.Combine(Directory, $"{assembly}.S"), "-o", $"{assembly}.o"], work);
            linked.Add($"{assembly}.o");
        }

        string[] platform = ["-I", CSources.Core, "-I", Directory];
        var own = new[] { (Path.Combine(Directory, "fw_main.c"), "fw_main"), (Path.Combine(Directory, "mmu.c"), "mmu"), (Path.Combine(Directory, "runtime.c"), "runtime"), (Path.Combine(CSources.Core, "state.c"), "state") };
        foreach (var (file, name) in own)
        {
            CBuild.Compile(cross, $"the firmware's {name}.c", [.. CFlags, .. platform, "-c", file, "-o", $"{name}.o"], work);
            linked.Add($"{name}.o");
        }

        BindingBuild.Link(binding, cross, $"the firmware with {binding.Implementation}", [.. LinkFlags, "-T", Path.Combine(Directory, "firmware.ld"), "-o", "firmware.elf", .. linked, "-lgcc"], work);
    }
    /// <summary>The bench's ceiling: a firmware that only issues SMCs in a loop.</summary>
    public static string PingPong(Toolchain cross, string buildRoot) =>
        Assembled(cross, buildRoot, Path.Combine(CSources.Root, "bench", "pingpong.S"), "pingpong.elf", ["-Wl,-Ttext=0x40100000"]);

    /// <summary>The support code for a user's firmware ELF (c/firmware/elf_support.S), linked at <paramref name="address"/>.</summary>
    public static string ElfSupport(Toolchain cross, string buildRoot, ulong address) =>
        Assembled(cross, buildRoot, Path.Combine(Directory, "elf_support.S"), "elf_support.elf",
            ["-Wl,-N", "-Wl,--no-warn-rwx-segments", "-Wl,-e,elf_setup", $"-Wl,--section-start=.elf_support=0x{address:x}"]);

    private static string Assembled(Toolchain cross, string buildRoot, string source, string product, string[] link)
    {
        var key = CBuild.Key(cross, link, Path.GetFileName(source), File.ReadAllText(source));
        return Path.Combine(CBuild.Cached(buildRoot, "firmware", key, product, work =>
            CBuild.Compile(cross, $"the {Path.GetFileNameWithoutExtension(product)} image",
                ["-nostdlib", "-static", "-no-pie", "-Wl,--build-id=none", .. link, "-o", product, source], work)), product);
    }
}
