using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Bindings;

/// <summary>The tree a binding target's Source names: one message naming the key when it is missing or no folder.</summary>
public static class BindingTree
{
    /// <summary>The tree at <paramref name="path"/>; a missing one skips the target unless it is <paramref name="required"/>.</summary>
    public static string Resolve(string path, string key, bool required, Binding binding)
    {
        if (Directory.Exists(path))
        {
            return path;
        }

        throw File.Exists(path)
            ? new TargetUnavailableException($"{key} = '{path}' is a file; the {binding.Name} binding takes the root of a tree that holds {string.Join(", ", binding.Sources)}", skip: false)
            : new TargetUnavailableException($"{key} = '{path}' is not present{(required ? string.Empty : " (the target is not required, so it is skipped)")}", skip: !required);
    }

    /// <summary>What a target's provenance says of the binding: the entries judged and how pending requests are resumed.</summary>
    public static string Note(Binding binding) =>
        $"through the {binding.Name} binding; entries judged: {string.Join(", ", binding.Entries.Select(e => $"{e.Key}: {e.Value}()"))}"
        + (binding.ResumedAs is { } resumed ? $"; resumed {resumed}" : string.Empty);
}
