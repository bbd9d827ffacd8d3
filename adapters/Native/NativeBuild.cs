using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Native;

/// <summary>
/// Builds the host process for a transport: the transport compiled against the U-Boot shim, its writable
/// sections renamed to ffa_state/ffa_state_bss (so the host can restore them before every case), linked with
/// the host's channel, glue and the harness core.
/// </summary>
public static class NativeBuild
{
    private static readonly string[] Flags = ["-O2", "-g", "-std=gnu11", "-Wall"];
    private static readonly string[] TransportFlags = [.. Flags, "-fno-common", "-fno-zero-initialized-in-bss"];

    public static string Host(TransportSource source, Toolchain toolchain, string buildRoot) =>
        Path.Combine(CBuild.Cached(buildRoot, "native", CBuild.Key(source, toolchain, TransportFlags), "ffa-host", work => Build(source, toolchain, work)), "ffa-host");

    /// <summary>The transport linked with the bench's stub secure world instead of the host: no harness at all.</summary>
    public static string BareLoop(TransportSource source, Toolchain toolchain, string buildRoot) =>
        Path.Combine(CBuild.Cached(buildRoot, "bare", CBuild.Key(source, toolchain, TransportFlags), "bare-loop", work =>
        {
            var shim = CBuild.CompileTransport(source, toolchain, work, TransportFlags);
            CBuild.Compile(toolchain, "the bare loop", [.. Flags, .. shim, "-o", "bare-loop", Path.Combine(CSources.Root, "bench", "bare_loop.c"), CSources.UbootServices, "transport.o"], work);
        }), "bare-loop");

    private static void Build(TransportSource source, Toolchain toolchain, string work)
    {
        var hostDirectory = Path.Combine(CSources.Root, "host");
        var shim = CBuild.CompileTransport(source, toolchain, work, TransportFlags);
        RenameWritableSections(toolchain, work);
        string[] includes = ["-I", hostDirectory, "-I", CSources.Core];
        CBuild.Compile(toolchain, "the host's channel", [.. Flags, .. includes, "-c", Path.Combine(hostDirectory, "channel.c"), "-o", "channel.o"], work);
        CBuild.Compile(toolchain, "the host's glue", [.. Flags, .. includes, "-c", Path.Combine(hostDirectory, "glue.c"), "-o", "glue.o"], work);
        CBuild.Compile(toolchain, "the harness core", [.. Flags, .. includes, "-c", Path.Combine(CSources.Core, "state.c"), "-o", "state.o"], work);
        CBuild.Compile(toolchain, "the U-Boot binding's glue", [.. Flags, .. shim, .. includes, "-c", Path.Combine(CSources.Core, "harness.c"), "-o", "harness.o"], work);
        CBuild.Compile(toolchain, "the host's U-Boot entries", [.. Flags, .. shim, .. includes, "-c", Path.Combine(hostDirectory, "uboot_entry.c"), "-o", "uboot_entry.o"], work);
        CBuild.Compile(toolchain, "U-Boot's services", [.. Flags, .. shim, "-c", CSources.UbootServices, "-o", "uboot_services.o"], work);
        CBuild.Compile(toolchain, $"the host with {source.Origin}", ["-o", "ffa-host", "channel.o", "glue.o", "state.o", "harness.o", "uboot_entry.o", "uboot_services.o", "transport-state.o"], work);
    }

    /// <summary>Every writable allocated section of work/transport.o becomes ffa_state (or ffa_state_bss when it has no contents), in work/transport-state.o.</summary>
    public static void RenameWritableSections(Toolchain toolchain, string work)
    {
        var (exit, sections) = Toolchain.Invoke(toolchain.ReadElf, ["-S", "-W", "transport.o"], work);
        if (exit != 0)
        {
            throw new TargetBuildException("readelf could not read the compiled transport", sections);
        }

        var renames = new List<string>();
        foreach (var line in sections.Split('\n'))
        {
            var fields = line.Replace("[ ", "[", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 8 && fields[0].StartsWith('[') && fields[7].Contains('W') && fields[7].Contains('A'))
            {
                renames.Add("--rename-section");
                renames.Add($"{fields[1]}={(fields[2] == "NOBITS" ? "ffa_state_bss" : "ffa_state")}");
            }
        }

        var (copied, output) = Toolchain.Invoke(toolchain.ObjCopy, [.. renames, "transport.o", "transport-state.o"], work);
        if (copied != 0)
        {
            throw new TargetBuildException("objcopy could not rename the transport's data sections", output);
        }
    }
}
