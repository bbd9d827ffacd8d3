using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters;

/// <summary>The keeper (c/keeper/keeper.c) every target process runs under, built with the host compiler once per build directory.</summary>
public static class Keeper
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Built = new(StringComparer.Ordinal);

    /// <summary>The keeper's path; <see cref="TargetUnavailableException"/> (a skip) when there is no host compiler to build it.</summary>
    public static string Require(string buildRoot) => Built.GetOrAdd(buildRoot, root => new Lazy<string>(() => Build(root))).Value;

    private static string Build(string buildRoot)
    {
        var toolchain = Toolchain.Host(out var missing)
            ?? throw new TargetUnavailableException($"the keeper that runs target processes needs a host C compiler: {missing}", skip: true);
        var source = Path.Combine(CSources.Root, "keeper", "keeper.c");
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(toolchain.Version + "\0" + File.ReadAllText(source))))[..16];
        return Path.Combine(
            CBuild.Cached(buildRoot, "keeper", key, "ffa-keeper", work => CBuild.Compile(toolchain, "the keeper", ["-O2", "-Wall", "-o", "ffa-keeper", source], work)),
            "ffa-keeper");
    }
}
