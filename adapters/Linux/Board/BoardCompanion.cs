using System.Security.Cryptography;
using System.Text;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Linux.Board;

/// <summary>
/// What is copied to a board: the companion module (c/linux) built against the board's kernel build tree, and
/// the agent (c/linux/agent) built static for arm64, so that the board needs no library of ours. Cached by a hash
/// of every input. The board's FF-A driver is the board's own: when the tree does not list its symbols (Debian's
/// headers have the transport off), the module resolves them by name when it is loaded.
/// </summary>
public sealed record BoardCompanion(string Module, string Agent, DriverApi Api)
{
    public static BoardCompanion Build(string kernelBuild, string ffaHeader, string? driverSymbols, string buildRoot)
    {
        var companion = Path.Combine(CSources.Root, "linux");
        var header = File.ReadAllText(ffaHeader);
        var api = DriverApi.Of(header);
        var flags = $"{LinuxModules.Defines} {api.Flavour}";
        var key = new StringBuilder(Path.GetFullPath(kernelBuild)).Append('\0').Append(flags).Append('\0').Append(header);
        foreach (var input in new[] { Path.Combine(kernelBuild, ".config"), Path.Combine(kernelBuild, "Module.symvers"), driverSymbols }.OfType<string>().Where(File.Exists))
        {
            key.Append('\0').Append(File.ReadAllText(input));
        }

        foreach (var file in Directory.GetFiles(companion, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            key.Append('\0').Append(Path.GetRelativePath(companion, file)).Append('\0').Append(File.ReadAllText(file));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..16];
        var output = CBuild.Cached(buildRoot, "linux-board", hash, "ffa_agent", work =>
        {
            foreach (var file in Directory.GetFiles(companion))
            {
                File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(work, "Kbuild"), LinuxModules.CompanionKbuild(flags));
            Tool("make", ["-C", kernelBuild, $"M={work}", "ARCH=arm64", "CROSS_COMPILE=aarch64-linux-gnu-", "CONFIG_DEBUG_INFO_BTF_MODULES=",
                .. driverSymbols is null ? Array.Empty<string>() : [$"KBUILD_EXTRA_SYMBOLS={Path.GetFullPath(driverSymbols)}"], "modules"], work, "the companion module");
            Tool("aarch64-linux-gnu-strip", ["--strip-debug", "ffa_conformance.ko"], work, "the companion module");
            Tool("aarch64-linux-gnu-gcc", ["-static", "-O2", "-Wall", "-Werror", "-I", work, "-o", "ffa_agent", Path.Combine(companion, "agent", "ffa_agent.c")], work, "the agent");
        });
        return new BoardCompanion(Path.Combine(output, "ffa_conformance.ko"), Path.Combine(output, "ffa_agent"), api);
    }

    private static void Tool(string tool, IEnumerable<string> arguments, string folder, string what)
    {
        var (exit, output) = Toolchain.Invoke(tool, arguments, folder);
        if (exit != 0)
        {
            throw new TargetBuildException($"building {what} for the board failed", output);
        }
    }
}
