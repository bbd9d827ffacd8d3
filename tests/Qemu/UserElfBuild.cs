using FfaConformance.Adapters;
using FfaConformance.Adapters.Bindings;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Tests.Qemu;

/// <summary>
/// Builds a firmware ELF from a transport source the way a user's build would lay it out (UserElf/user.ld):
/// the transport, U-Boot's services, our conduit and a stand-in efi_create_event, with no harness and no
/// start-up — so the qemu-elf adapter can be tested on the reference, the seed and mutants. Linked in RAM, it keeps
/// its relocations (--emit-relocs), by which the adapter relocates its runtime section for SetVirtualAddressMap.
/// </summary>
internal static class UserElfBuild
{
    private static string Directory => Path.Combine(AppContext.BaseDirectory, "Qemu", "UserElf");

    public static string Build(string source, string buildRoot) => Build(source, buildRoot, atZero: false);

    /// <summary>The same, linked at 0 as a position-independent image with its relocations, as qemu_arm64_defconfig links U-Boot.</summary>
    public static string BuildAtZero(string source, string buildRoot) => Build(source, buildRoot, atZero: true);

    private static string Build(string source, string buildRoot, bool atZero)
    {
        var cross = Toolchain.Find(FirmwareBuild.CrossPrefix, out var missing) ?? throw new InvalidOperationException(missing);
        var uboot = Binding.Load(BindingKeys.Uboot);
        var transport = BindingSource.Read(uboot, source);
        var script = Path.Combine(Directory, atZero ? "user-at-zero.ld" : "user.ld");
        var stub = Path.Combine(Directory, "efi_create_event.c");
        string[] flags = atZero ? [.. FirmwareBuild.CFlags, "-fpie"] : [.. FirmwareBuild.CFlags];
        string[] link = atZero ? ["-static-pie", "-Wl,--no-dynamic-linker", "-Wl,-z,notext"] : ["-static", "-no-pie", "-Wl,--emit-relocs"];
        var key = BindingBuild.Key(uboot, transport, cross, "aarch64", [.. flags, .. link, "user-elf", File.ReadAllText(script), File.ReadAllText(stub)]);
        return Path.Combine(CBuild.Cached(buildRoot, "user-elf", key, "user.elf", work =>
        {
            var options = BindingBuild.CompileSources(uboot, transport, cross, "aarch64", flags, work);
            CBuild.Compile(cross, "the efi_create_event stand-in", [.. flags, .. options, "-c", stub, "-o", "stub.o"], work);
            CBuild.Compile(cross, "U-Boot's services", [.. flags, .. options, "-c", Path.Combine(uboot.Home, "services.c"), "-o", "services.o"], work);
            CBuild.Compile(cross, "the conduit", ["-c", Path.Combine(CSources.Root, "firmware", "conduit.S"), "-o", "conduit.o"], work);
            CBuild.Compile(cross, $"the ELF of {transport.Origin}",
                ["-nostdlib", .. link, "-Wl,--build-id=none", "-Wl,--no-warn-rwx-segments", "-T", script, "-o", "user.elf",
                 "transport.o", "stub.o", "services.o", "conduit.o", "-lgcc"],
                work);
        }), "user.elf");
    }
}
