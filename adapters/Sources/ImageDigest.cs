using System.Security.Cryptography;
using System.Text;

namespace FfaConformance.Adapters.Sources;

/// <summary>
/// The SHA-256 of the images a target runs, each with its file name, in the order given, and of what else identifies
/// code the adapter did not build (a board's kernel): a target's <c>Provenance.Inputs</c>.
/// </summary>
public static class ImageDigest
{
    public static string Of(params IEnumerable<string> files) => Of(files, null);

    public static string Of(IEnumerable<string> files, string? identity)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{identity}\0"));
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{Path.GetFileName(file)}\0"));
            hash.AppendData(File.ReadAllBytes(file));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
