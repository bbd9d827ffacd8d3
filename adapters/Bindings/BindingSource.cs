using System.Security.Cryptography;
using System.Text;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Bindings;

/// <summary>One file of an implementation as it is compiled: its path in the tree, its text, and where it lies when it is on disk as it is.</summary>
public sealed record SourceFile(string Name, string Text, string? OnDisk);

/// <summary>
/// What a target's Source gives a binding: the implementation's <see cref="Binding.Sources"/> and whichever of its
/// <see cref="Binding.Headers"/> it brings, from a tree (compiled where they lie), from a patch or mail that creates
/// them (a folder holding exactly one such patch names it), or — for a binding with one source — from that .c file.
/// </summary>
public sealed record BindingSource(string Origin, string? Tree, IReadOnlyList<SourceFile> Sources, IReadOnlyList<SourceFile> Headers)
{
    /// <summary>SHA-256 over the sources and headers as compiled, each with its path in the tree.</summary>
    public string Sha256
    {
        get
        {
            var text = new StringBuilder();
            foreach (var file in Sources.Concat(Headers))
            {
                text.Append(file.Name).Append('\0').Append(file.Text).Append('\0');
            }

            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }

    /// <summary>What a Source may be for <paramref name="binding"/>, as messages say it.</summary>
    public static string Accepted(Binding binding) =>
        $"accepted: a tree holding {string.Join(", ", binding.Sources)}, a patch or mail that creates {(binding.Sources.Count == 1 ? "it" : "them")}, a folder holding one such patch"
        + (binding.Sources.Count == 1 ? ", or the .c file itself" : string.Empty);

    /// <summary>
    /// The source at <paramref name="path"/>, which messages name <paramref name="key"/>: a missing one skips the target
    /// unless it is <paramref name="required"/>; anything else that will not do is one message naming the key.
    /// </summary>
    public static BindingSource Resolve(Binding binding, string path, string key, bool required)
    {
        try
        {
            return Read(binding, path);
        }
        catch (FileNotFoundException) when (!required)
        {
            throw new TargetUnavailableException($"{key} = '{path}' is not present (the target is not required, so it is skipped)", skip: true);
        }
        catch (FileNotFoundException)
        {
            throw new TargetUnavailableException($"{key} = '{path}' does not exist; {Accepted(binding)}", skip: false);
        }
        catch (BindingException e)
        {
            throw new TargetUnavailableException($"{key} = '{path}': {e.Message}", skip: false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new TargetUnavailableException($"{key} = '{path}': {e.Message}; {Accepted(binding)}", skip: false);
        }
    }

    /// <summary>The source at <paramref name="path"/>; a missing path is <see cref="FileNotFoundException"/>, a patch that will not do <see cref="InvalidDataException"/>.</summary>
    public static BindingSource Read(Binding binding, string path)
    {
        if (Directory.Exists(path))
        {
            return File.Exists(Path.Combine(path, binding.Sources[0])) ? FromTree(binding, path) : FromPatchFolder(binding, path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist", path);
        }

        if (path.EndsWith(".c", StringComparison.Ordinal))
        {
            return binding.Sources.Count == 1
                ? new BindingSource($"the file {path}", null, [new SourceFile(binding.Sources[0], File.ReadAllText(path), Path.GetFullPath(path))], [])
                : throw new BindingException($"{binding.Key("Sources")} lists {binding.Sources.Count} files, so a single .c file cannot stand for them; {Accepted(binding)}");
        }

        return FromPatch(binding, path);
    }

    private static BindingSource FromTree(Binding binding, string tree)
    {
        var sources = new List<SourceFile>();
        for (var i = 0; i < binding.Sources.Count; i++)
        {
            var file = Path.Combine(tree, binding.Sources[i]);
            sources.Add(File.Exists(file)
                ? new SourceFile(binding.Sources[i], File.ReadAllText(file), Path.GetFullPath(file))
                : throw new BindingException($"{binding.Key($"Sources[{i}]")} = '{binding.Sources[i]}' is not in the tree {tree}"));
        }

        var headers = binding.Headers
            .Where(h => File.Exists(Path.Combine(tree, h)))
            .Select(h => new SourceFile(h, File.ReadAllText(Path.Combine(tree, h)), Path.GetFullPath(Path.Combine(tree, h))))
            .ToArray();
        return new BindingSource($"the tree {tree}", tree, sources, headers);
    }

    private static BindingSource FromPatchFolder(Binding binding, string folder)
    {
        var name = Path.GetFileName(binding.Sources[0]);
        var candidates = Directory.EnumerateFiles(folder)
            .Where(f => PatchFile.CreatesFile(File.ReadAllText(f), name))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return candidates switch
        {
            [var one] => FromPatch(binding, one),
            [] => throw new BindingException($"{binding.Key("Sources[0]")} = '{binding.Sources[0]}' is not in the tree {folder}, and no patch or mail there creates {name}"),
            _ => throw new InvalidDataException($"several files in {folder} create {name}: {string.Join(", ", candidates.Select(Path.GetFileName))}; name one as the source"),
        };
    }

    private static BindingSource FromPatch(Binding binding, string patch)
    {
        var text = File.ReadAllText(patch);
        var sources = binding.Sources.Select(s => new SourceFile(s, PatchFile.ExtractNewFile(text, Path.GetFileName(s), patch), null)).ToArray();
        var headers = binding.Headers
            .Where(h => PatchFile.CreatesFile(text, Path.GetFileName(h)))
            .Select(h => new SourceFile(h, PatchFile.ExtractNewFile(text, Path.GetFileName(h), patch), null))
            .ToArray();
        return new BindingSource($"{string.Join(", ", sources.Select(s => Path.GetFileName(s.Name)))} created by {patch}", null, sources, headers);
    }
}
