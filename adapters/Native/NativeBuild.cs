using System.Security.Cryptography;
using System.Text;

namespace FfaConformance.Adapters.Native;

/// <summary>
/// Builds the host process for a transport: the transport compiled against the U-Boot shim, its writable
/// sections renamed to ffa_state/ffa_state_bss (so the host can restore them before every case), linked with
/// the host's channel and glue. Builds are cached by a hash of every input, the compiler's version included.
/// </summary>
public static class NativeBuild
{
    private static readonly string[] CommonFlags = ["-O2", "-g", "-std=gnu11", "-Wall"];

    public static string Host(TransportSource source, Toolchain toolchain, string buildRoot)
    {
        var key = Key(source, toolchain);
        var output = Path.Combine(buildRoot, "native", key);
        var executable = Path.Combine(output, "ffa-host");
        if (File.Exists(executable))
        {
            return executable;
        }

        var work = Directory.CreateDirectory($"{output}.tmp-{Guid.NewGuid():N}").FullName;
        try
        {
            Build(source, toolchain, work);
            try
            {
                Directory.Move(work, output);
            }
            catch (IOException) when (File.Exists(executable))
            {
                // Another process built the same inputs first.
            }

            return executable;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>The transport linked with the bench's stub secure world instead of the host: no harness at all.</summary>
    public static string BareLoop(TransportSource source, Toolchain toolchain, string buildRoot)
    {
        var work = Directory.CreateDirectory(Path.Combine(buildRoot, "native", Key(source, toolchain) + "-bare")).FullName;
        var executable = Path.Combine(work, "bare-loop");
        if (!File.Exists(executable))
        {
            var shim = CompileTransport(source, toolchain, work);
            Compile(toolchain, "the bare loop", [.. CommonFlags, .. shim, "-o", "bare-loop", Path.Combine(CSources.Root, "bench", "bare_loop.c"), "transport.o"], work);
        }

        return executable;
    }

    private static void Build(TransportSource source, Toolchain toolchain, string work)
    {
        var hostDirectory = Path.Combine(CSources.Root, "host");
        var shim = CompileTransport(source, toolchain, work);
        RenameWritableSections(toolchain, work);
        string[] includes = ["-I", hostDirectory, "-I", CSources.Core];
        Compile(toolchain, "the host's channel", [.. CommonFlags, .. includes, "-c", Path.Combine(hostDirectory, "channel.c"), "-o", "channel.o"], work);
        Compile(toolchain, "the host's glue", [.. CommonFlags, .. shim, .. includes, "-c", Path.Combine(hostDirectory, "glue.c"), "-o", "glue.o"], work);
        Compile(toolchain, "the harness core", [.. CommonFlags, .. shim, .. includes, "-c", Path.Combine(CSources.Core, "harness.c"), "-o", "harness.o"], work);
        Compile(toolchain, $"the host with {source.Origin}", ["-o", "ffa-host", "channel.o", "glue.o", "harness.o", "transport-state.o"], work);
    }

    /// <summary>Compiles the transport into work/transport.o; returns the shim's compiler arguments.</summary>
    private static string[] CompileTransport(TransportSource source, Toolchain toolchain, string work)
    {
        var include = Directory.CreateDirectory(Path.Combine(work, "include")).FullName;
        if (source.Header is { } header)
        {
            File.WriteAllText(Path.Combine(include, TransportSource.RuntimeHeader), header);
        }

        var file = source.PathOnDisk ?? Path.Combine(work, source.FileName);
        if (source.PathOnDisk is null)
        {
            File.WriteAllText(file, source.Text);
        }

        string[] shim = ["-include", Path.Combine(CSources.Shim, "config.h"), "-I", include, "-I", CSources.Shim];
        Compile(toolchain, source.Origin, [.. CommonFlags, "-fno-common", "-fno-zero-initialized-in-bss", .. shim, "-c", file, "-o", "transport.o"], work);
        return shim;
    }

    /// <summary>Every writable allocated section of the transport becomes ffa_state (or ffa_state_bss when it has no contents).</summary>
    private static void RenameWritableSections(Toolchain toolchain, string work)
    {
        var (exit, sections) = Toolchain.Invoke(toolchain.ReadElf, ["-S", "-W", "transport.o"], work);
        if (exit != 0)
        {
            throw new TargetBuildException($"readelf could not read the compiled transport:\n{sections}");
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
            throw new TargetBuildException($"objcopy could not rename the transport's data sections:\n{output}");
        }
    }

    private static void Compile(Toolchain toolchain, string what, IEnumerable<string> arguments, string work)
    {
        var (exit, output) = Toolchain.Invoke(toolchain.Compiler, arguments, work);
        if (exit != 0)
        {
            throw new TargetBuildException($"compiling {what} failed ({toolchain.Version}):\n{output}");
        }
    }

    private static string Key(TransportSource source, Toolchain toolchain)
    {
        var inputs = new StringBuilder()
            .Append(toolchain.Version).Append('\0')
            .Append(string.Join(' ', CommonFlags)).Append('\0')
            .Append(source.FileName).Append('\0').Append(source.Text).Append('\0')
            .Append(source.Header).Append('\0');
        foreach (var file in CSources.Files)
        {
            inputs.Append(Path.GetRelativePath(CSources.Root, file)).Append('\0').Append(File.ReadAllText(file)).Append('\0');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inputs.ToString())))[..16];
    }
}

/// <summary>The transport or its host did not build; the message holds the tool's own output.</summary>
public sealed class TargetBuildException(string message) : Exception(message);
