using System.Collections;
using Microsoft.Extensions.Configuration;

namespace FfaConformance.Runner.Configuration;

/// <summary>
/// The three places configuration comes from, each read on its own and flattened to keys as the user spelt
/// them — the defaults file, then environment variables with the prefix FFA_ ("__" for ":"), then runsettings
/// TestRunParameters — so that checking can name the exact source of every key. Later sources win.
/// </summary>
public static class ConfigurationSources
{
    public const string EnvironmentPrefix = "FFA_";

    /// <summary>How an entry of the defaults file names where it came from.</summary>
    public static string FileOrigin(string file) => $"file {file}";

    public static IReadOnlyList<ConfigurationEntry> Read(string defaultsFile, IDictionary environment, IEnumerable<KeyValuePair<string, string?>> runParameters)
    {
        if (!File.Exists(defaultsFile))
        {
            throw new ConfigurationException($"the defaults file {defaultsFile} is missing; it ships with the suite (config/{SettingsLoader.DefaultsFileName})");
        }

        IConfigurationRoot json;
        try
        {
            json = new ConfigurationBuilder().AddJsonFile(defaultsFile, optional: false).Build();
        }
        catch (InvalidDataException e)
        {
            throw new ConfigurationException($"{defaultsFile} is not valid JSON: {e.InnerException?.Message ?? e.Message}");
        }

        var entries = new List<ConfigurationEntry>();
        entries.AddRange(Leaves(json).Select(p => new ConfigurationEntry(p.Key, p.Value, FileOrigin(defaultsFile))));
        entries.AddRange(Environment(environment));
        entries.AddRange(runParameters
            .Where(p => p.Value is not null)
            .Select(p => new ConfigurationEntry(p.Key.Replace("__", ":", StringComparison.Ordinal), p.Value!, $"runsettings parameter {p.Key}")));
        return entries;
    }

    /// <summary>
    /// Environment variables whose name starts with FFA in any case. Anything but FFA_ followed by a key is an
    /// error rather than ignored: FFA__Run__Targets or ffa_Run__Targets would otherwise silently do nothing.
    /// </summary>
    private static IEnumerable<ConfigurationEntry> Environment(IDictionary environment)
    {
        foreach (var name in environment.Keys.OfType<string>().Where(n => n.StartsWith("FFA", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            var origin = $"environment variable {name}";
            if (!name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) || name.Length == EnvironmentPrefix.Length || name[EnvironmentPrefix.Length] == '_')
            {
                throw new ConfigurationException(
                    $"{origin} is not a configuration key; accepted: {EnvironmentPrefix} (upper case, one underscore) followed by the key with __ between its parts, as in {EnvironmentPrefix}Run__MaxTest or {EnvironmentPrefix}Targets__mine__Source");
            }

            yield return new ConfigurationEntry(name[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), environment[name] as string ?? string.Empty, origin);
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Leaves(IConfiguration configuration) =>
        configuration.AsEnumerable(makePathsRelative: false).Where(p => p.Value is not null && configuration.GetSection(p.Key).GetChildren().Any() is false)
            .Select(p => KeyValuePair.Create(p.Key, p.Value!));
}
