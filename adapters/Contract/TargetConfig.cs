using System.Globalization;
using FfaConformance.Abi;

namespace FfaConformance.Adapters.Contract;

/// <summary>
/// One target's configuration as its adapter binds it: the name, the FF-A version its transport negotiates and
/// the keys it set, already checked against the adapter's <see cref="SettingKey"/>s. Paths are resolved
/// against the checkout (or Run:Root), except those the shipped defaults file gives, which name files that ship
/// with the suite and are resolved against its <see cref="Home"/>; <see cref="Show"/> names a key as the user
/// wrote it, for messages.
/// </summary>
public sealed record TargetConfig(string Name, FfaVersion Version, IReadOnlyDictionary<string, string> Keys, string RepositoryRoot, string BuildDirectory)
{
    /// <summary>The version the managed secure world implements, for an adapter that answers a driver's probe itself.</summary>
    public FfaVersion SecureWorldVersion { get; init; } = FfaVersion.V1_3;

    /// <summary>Where the suite's own files are: the checkout, or a published suite's folder.</summary>
    public string Home { get; init; } = RepositoryRoot;

    /// <summary>The keys whose values the shipped defaults file gives: their paths are relative to <see cref="Home"/>.</summary>
    public IReadOnlySet<string> FromDefaults { get; init; } = new HashSet<string>();

    /// <summary>"Targets:mine:Source".</summary>
    public string KeyPath(string key) => $"Targets:{Name}:{key}";

    /// <summary>"Targets:mine:Source = 'x.c'", the way errors name a setting.</summary>
    public string Show(string key) => $"{KeyPath(key)} = '{Keys.GetValueOrDefault(key)}'";

    public string? Value(string key) => Keys.GetValueOrDefault(key);

    /// <summary>A path key, absolute as given, or relative to the suite's home (a default) or the checkout (a key the user set).</summary>
    public string? Path(string key) => Value(key) is { } path ? Resolve(FromDefaults.Contains(key) ? Home : RepositoryRoot, path) : null;

    /// <summary>A key that lists paths, comma-separated, each resolved as <see cref="Path"/> resolves one; empty when absent.</summary>
    public IReadOnlyList<string> Paths(string key) => Value(key) is { } paths
        ? [.. paths.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => Resolve(FromDefaults.Contains(key) ? Home : RepositoryRoot, p))]
        : [];

    public bool Flag(string key, bool whenAbsent) => Value(key) is { } value ? value == "true" : whenAbsent;

    public TimeSpan? Milliseconds(string key) =>
        Value(key) is { } ms ? TimeSpan.FromMilliseconds(int.Parse(ms, NumberStyles.None, CultureInfo.InvariantCulture)) : null;

    public static string Resolve(string root, string path) => System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.GetFullPath(System.IO.Path.Combine(root, path));
}
