using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Qemu;

/// <summary>
/// Builds the bare-metal aarch64 image for a transport with Debian's cross compiler: our boot code, vectors,
/// trampoline and conduit, the harness core, and the transport against the U-Boot shim, laid out by
/// c/firmware/firmware.ld with runtime code and data in their own section as U-Boot does.
/// </summary>
public static class FirmwareBuild
{
    public const string CrossPrefix = "aarch64-linux-gnu-";

    private static readonly string[] Flags =
    [
        "-O2", "-g", "-std=gnu11", "-Wall", "-ffreestanding", "-nostdlib", "-mgeneral-regs-only", "-mstrict-align",
        "-fno-pie", "-fno-stack-protector", "-fno-tree-loop-distribute-patterns", "-mno-outline-atomics", "-fno-common",
    ];

    private static string Directory => Path.Combine(CSources.Root, "firmware");

    public static string Image(TransportSource source, Toolchain cross, string buildRoot) =>
        Path.Combine(CBuild.Cached(buildRoot, "firmware", CBuild.Key(source, cross, Flags), "firmware.elf", work =>
        {
            var shim = CBuild.CompileTransport(source, cross, work, Flags);
            string[] includes = [.. shim, "-I", CSources.Core, "-I", Directory];
            var objects = new List<string> { "transport.o" };
            foreach (var assembly in new[] { "start", "vectors", "trampoline", "conduit" })
            {
                CBuild.Compile(cross, $"the firmware's {assembly}.S", ["-c", Path.Combine(Directory, $"{assembly}.S"), "-o", $"{assembly}.o"], work);
                objects.Add($"{assembly}.o");
            }

            foreach (var (file, name) in new[] { (Path.Combine(Directory, "fw_main.c"), "fw_main"), (Path.Combine(Directory, "mmu.c"), "mmu"), (Path.Combine(CSources.Core, "harness.c"), "harness") })
            {
                CBuild.Compile(cross, $"the firmware's {name}.c", [.. Flags, .. includes, "-c", file, "-o", $"{name}.o"], work);
                objects.Add($"{name}.o");
            }

            CBuild.Compile(cross, $"the firmware with {source.Origin}",
                ["-nostdlib", "-static", "-no-pie", "-Wl,--build-id=none", "-Wl,--no-warn-rwx-segments", "-T", Path.Combine(Directory, "firmware.ld"), "-o", "firmware.elf", .. objects, "-lgcc"],
                work);
        }), "firmware.elf");

    /// <summary>The bench's ceiling: a firmware that only issues SMCs in a loop.</summary>
    public static string PingPong(Toolchain cross, string buildRoot)
    {
        var source = Path.Combine(CSources.Root, "bench", "pingpong.S");
        var key = CBuild.Key(new TransportSource("pingpong.S", File.ReadAllText(source), null, source, source), cross, ["pingpong"]);
        return Path.Combine(CBuild.Cached(buildRoot, "firmware", key, "pingpong.elf", work =>
            CBuild.Compile(cross, "the ping-pong firmware",
                ["-nostdlib", "-static", "-no-pie", "-Wl,--build-id=none", "-Wl,-Ttext=0x40100000", "-o", "pingpong.elf", source], work)), "pingpong.elf");
    }
}
