using System.Globalization;
using FfaConformance.Abi;

namespace FfaConformance.Adapters.Contract;

/// <summary>
/// One target's configuration as its adapter binds it: the name, the FF-A version its transport negotiates and
/// the keys it set, already checked against the adapter's <see cref="SettingKey"/>s. Paths are resolved
/// against the checkout; <see cref="Show"/> names a key as the user wrote it, for messages.
/// </summary>
public sealed record TargetConfig(string Name, FfaVersion Version, IReadOnlyDictionary<string, string> Keys, string RepositoryRoot, string BuildDirectory)
{
    /// <summary>The version the managed secure world implements, for an adapter that answers a driver's probe itself.</summary>
    public FfaVersion SecureWorldVersion { get; init; } = FfaVersion.V1_3;

    /// <summary>"Targets:mine:Source".</summary>
    public string KeyPath(string key) => $"Targets:{Name}:{key}";

    /// <summary>"Targets:mine:Source = 'x.c'", the way errors name a setting.</summary>
    public string Show(string key) => $"{KeyPath(key)} = '{Keys.GetValueOrDefault(key)}'";

    public string? Value(string key) => Keys.GetValueOrDefault(key);

    /// <summary>A path key, absolute as given or relative to the checkout.</summary>
    public string? Path(string key) => Value(key) is { } path ? Resolve(RepositoryRoot, path) : null;

    public bool Flag(string key, bool whenAbsent) => Value(key) is { } value ? value == "true" : whenAbsent;

    public TimeSpan? Milliseconds(string key) =>
        Value(key) is { } ms ? TimeSpan.FromMilliseconds(int.Parse(ms, NumberStyles.None, CultureInfo.InvariantCulture)) : null;

    public static string Resolve(string root, string path) => System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.GetFullPath(System.IO.Path.Combine(root, path));
}
