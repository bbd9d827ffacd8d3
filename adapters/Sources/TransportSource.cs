namespace FfaConformance.Adapters.Sources;

/// <summary>
/// The C transport a native target compiles: the runtime source (compiled where it lies when it is a file of
/// its own, otherwise from text extracted from a patch), the runtime header the source brings (null: the
/// shim's declaration of the API), and where both came from.
/// </summary>
public sealed record TransportSource(string FileName, string Text, string? Header, string Origin, string? PathOnDisk)
{
    /// <summary>SHA-256 of the transport's text (and its runtime header, when it brings one), as compiled.</summary>
    public string Sha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Text + (Header ?? string.Empty))));

    public const string RuntimeFile = "arm-ffa-runtime.c";
    public const string RuntimeHeader = "arm_ffa_runtime.h";
    private const string TreeRuntime = "drivers/firmware/arm-ffa/arm-ffa-runtime.c";
    private const string TreeHeader = "include/arm_ffa_runtime.h";

    /// <summary>A U-Boot tree, a directory holding one patch or mail that creates the runtime file, a patch or mail, or a single .c file.</summary>
    public static TransportSource Resolve(string path)
    {
        if (Directory.Exists(path))
        {
            return File.Exists(Path.Combine(path, TreeRuntime)) ? FromTree(path) : FromPatchDirectory(path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the transport source {path} does not exist", path);
        }

        return path.EndsWith(".c", StringComparison.Ordinal)
            ? new TransportSource(Path.GetFileName(path), File.ReadAllText(path), null, path, Path.GetFullPath(path))
            : FromPatch(path);
    }

    private static TransportSource FromTree(string tree)
    {
        var runtime = Path.Combine(tree, TreeRuntime);
        var header = Path.Combine(tree, TreeHeader);
        return new TransportSource(RuntimeFile, File.ReadAllText(runtime), File.Exists(header) ? File.ReadAllText(header) : null,
            $"U-Boot tree {tree}", Path.GetFullPath(runtime));
    }

    private static TransportSource FromPatchDirectory(string directory)
    {
        var candidates = Directory.EnumerateFiles(directory)
            .Where(f => PatchFile.CreatesFile(File.ReadAllText(f), RuntimeFile))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return candidates switch
        {
            [var one] => FromPatch(one),
            [] => throw new InvalidDataException($"{directory} is no U-Boot tree (no {TreeRuntime}) and holds no patch or mail that creates {RuntimeFile}"),
            _ => throw new InvalidDataException($"several files in {directory} create {RuntimeFile}: {string.Join(", ", candidates.Select(Path.GetFileName))}; name one as the source"),
        };
    }

    private static TransportSource FromPatch(string patch)
    {
        var text = File.ReadAllText(patch);
        var runtime = PatchFile.ExtractNewFile(text, RuntimeFile, patch);
        var header = PatchFile.CreatesFile(text, RuntimeHeader) ? PatchFile.ExtractNewFile(text, RuntimeHeader, patch) : null;
        return new TransportSource(RuntimeFile, runtime, header, $"{RuntimeFile} created by {patch}", null);
    }
}
