using System.Security.Cryptography;
using System.Text;
using FfaConformance.Adapters;

namespace FfaConformance.Runner.Run;

/// <summary>
/// The suite's own build as a digest: its assemblies (rules, generators, engine, adapters), the property-testing
/// library they run on, and the C harness the adapters compile. A journal written by another build is not taken up.
/// </summary>
public static class SuiteBuild
{
    private static readonly Lazy<string> Computed = new(Compute);

    public static string Digest => Computed.Value;

    private static string Compute()
    {
        var folder = AppContext.BaseDirectory;
        var assemblies = Directory.EnumerateFiles(folder, "*.dll")
            .Where(f => Path.GetFileName(f) is var name && (name.StartsWith("FfaConformance.", StringComparison.Ordinal) || name.StartsWith("FsCheck", StringComparison.Ordinal) || name == "FSharp.Core.dll"));
        var files = assemblies.Concat(Directory.Exists(CSources.Root) ? CSources.Files : []).Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{Path.GetRelativePath(folder, file)}\0"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
