using FfaConformance.Adapters.Bindings;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Native;

/// <summary>The bench's bare loop: U-Boot's runtime transport linked with a stub secure world and U-Boot's services, with no harness at all.</summary>
public static class NativeBuild
{
    private static readonly string[] Flags = ["-O2", "-g", "-std=gnu11", "-Wall", "-fno-common", "-fno-zero-initialized-in-bss"];

    /// <summary>The bare loop for the U-Boot binding's <paramref name="source"/>; its services (services.c) are those the harness links.</summary>
    public static string BareLoop(BindingSource source, Toolchain toolchain, string buildRoot)
    {
        var uboot = Binding.Load(BindingKeys.Uboot);
        return Path.Combine(CBuild.Cached(buildRoot, "bare", BindingBuild.Key(uboot, source, toolchain, BindingBuild.HostArch, Flags), "bare-loop", work =>
        {
            var options = BindingBuild.CompileSources(uboot, source, toolchain, BindingBuild.HostArch, Flags, work);
            CBuild.Compile(toolchain, "the bare loop",
                [.. Flags, .. options, "-o", "bare-loop", Path.Combine(CSources.Root, "bench", "bare_loop.c"), Path.Combine(uboot.Home, "services.c"), "transport.o"], work);
        }), "bare-loop");
    }
}
