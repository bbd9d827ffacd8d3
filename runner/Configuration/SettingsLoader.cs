using System.Globalization;
using FfaConformance.Abi;
using FfaConformance.Runner.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace FfaConformance.Runner.Configuration;

/// <summary>
/// Reads the configuration: the defaults file, then environment variables with the prefix FFA_ ("__" for ":"),
/// then runsettings TestRunParameters — later sources win. Every key is checked: an unknown key or a malformed
/// value is one <see cref="ConfigurationException"/> naming the key, its source and what is accepted.
/// </summary>
public static class SettingsLoader
{
    public const string EnvironmentPrefix = "FFA_";
    public const string DefaultsFileName = "ffa.defaults.json";

    /// <summary>A target that does not say which FF-A version it negotiates is taken to negotiate v1.0, as U-Boot does.</summary>
    public static readonly FfaVersion DefaultVersion = FfaVersion.V1_0;

    private static readonly SettingKey[] RunKeys =
    [
        new("Targets", "'all' or a comma-separated list of target names defined under Targets", v => v.Split(',').All(n => n.Trim().Length > 0)),
        new("MaxTest", "a whole number of cases per rule, 1–1000000", v => IsInt(v, 1, 1_000_000)),
        new("CallBudget", "a whole number of conduit calls per case, 16–100000", v => IsInt(v, 16, 100_000)),
        new("Replay", "'seed,gamma' or 'seed,gamma,size' as a failure prints it, or empty", v => v.Length == 0 || Seeds.TryParse(v, out _)),
        new("SecureWorldVersion", $"the FF-A version the managed secure world implements: {Versions}", v => FfaVersion.TryParse(v, out _)),
        new("ResultsDirectory", "a directory path (relative paths are relative to the checkout)", v => v.Trim().Length > 0),
        new("Baseline", "'previous' (the last run in ResultsDirectory), the path of an earlier run.json, or empty for none", v => v.Length == 0 || v.Trim().Length > 0),
        new("BuildDirectory", "a directory for built targets (relative paths are relative to the checkout)", v => v.Trim().Length > 0),
    ];

    private static readonly SettingKey[] CommonTargetKeys =
    [
        new("Adapter", $"one of: {string.Join(", ", AdapterRegistry.Names)}", AdapterRegistry.Names.Contains),
        new("Version", $"the FF-A version the target negotiates: {Versions} (default 1.0, as U-Boot)", v => FfaVersion.TryParse(v, out _)),
        new("MaxTest", "a whole number of cases per rule, 1–1000000", v => IsInt(v, 1, 1_000_000)),
        new("Expectations", "a JSON file of rules the target is expected to fail (relative paths are relative to the checkout)", v => v.Trim().Length > 0),
    ];

    private static string Versions => string.Join(", ", FfaVersion.Known.Select(v => $"{v.Major}.{v.Minor}"));

    /// <summary>Loads from the defaults file next to the assembly (or <paramref name="defaultsFile"/>), the environment and <paramref name="runParameters"/>.</summary>
    public static SuiteSettings Load(IEnumerable<KeyValuePair<string, string?>> runParameters, string? defaultsFile = null, string? repositoryRoot = null)
    {
        defaultsFile ??= Path.Combine(AppContext.BaseDirectory, DefaultsFileName);
        if (!File.Exists(defaultsFile))
        {
            throw new ConfigurationException($"the defaults file {defaultsFile} is missing; it ships with the suite (config/{DefaultsFileName})");
        }

        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder()
                .AddJsonFile(defaultsFile, optional: false)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .AddInMemoryCollection(runParameters.Select(p => KeyValuePair.Create(p.Key.Replace("__", ":", StringComparison.Ordinal), p.Value)))
                .Build();
        }
        catch (InvalidDataException e)
        {
            throw new ConfigurationException($"{defaultsFile} is not valid JSON: {e.InnerException?.Message ?? e.Message}");
        }

        Validate(root, defaultsFile);
        var run = root.GetSection("Run");
        var defined = root.GetSection("Targets").GetChildren().Select(c => c.Key).ToArray();
        var names = run["Targets"]!.Trim() == "all" ? defined : run["Targets"]!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var targets = names.Select(name => defined.Contains(name, StringComparer.Ordinal)
            ? Target(root.GetSection("Targets").GetSection(name))
            : throw new ConfigurationException($"Run:Targets names '{name}' ({Origin(root, "Run:Targets", defaultsFile)}), which is not defined; defined targets: {string.Join(", ", defined)}")).ToArray();

        repositoryRoot ??= FindRepositoryRoot();
        var settings = new SuiteSettings(
            targets,
            new RunOptions(Int(run["MaxTest"]!), Int(run["CallBudget"]!), string.IsNullOrWhiteSpace(run["Replay"]) ? null : run["Replay"]),
            Version(run["SecureWorldVersion"]!),
            string.Empty,
            string.Empty,
            repositoryRoot);
        return settings with
        {
            ResultsDirectory = settings.Resolve(run["ResultsDirectory"]!),
            BuildDirectory = settings.Resolve(run["BuildDirectory"]!),
            Baseline = Baseline(root, settings, defaultsFile),
        };
    }

    /// <summary>Run:Baseline resolved: null for none, <see cref="SuiteSettings.PreviousRun"/>, or an existing file.</summary>
    private static string? Baseline(IConfigurationRoot root, SuiteSettings settings, string defaultsFile)
    {
        var value = root["Run:Baseline"]?.Trim();
        if (string.IsNullOrEmpty(value) || value == SuiteSettings.PreviousRun)
        {
            return string.IsNullOrEmpty(value) ? null : value;
        }

        var path = settings.Resolve(value);
        return File.Exists(path)
            ? path
            : throw new ConfigurationException($"Run:Baseline = '{value}' ({Origin(root, "Run:Baseline", defaultsFile)}) does not exist; accepted: 'previous', the path of an earlier run.json, or empty for none");
    }

    /// <summary>The checkout: the nearest directory above the running assembly that holds FfaConformance.sln.</summary>
    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FfaConformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new ConfigurationException($"cannot find FfaConformance.sln above {AppContext.BaseDirectory}; run the suite from a checkout");
    }

    private static TargetSettings Target(IConfigurationSection section)
    {
        var keys = section.GetChildren().Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal);
        return new TargetSettings(
            section.Key,
            keys["Adapter"],
            keys.TryGetValue("Version", out var version) ? Version(version) : DefaultVersion,
            keys.TryGetValue("MaxTest", out var maxTest) ? Int(maxTest) : null,
            keys);
    }

    private static void Validate(IConfigurationRoot root, string defaultsFile)
    {
        foreach (var section in root.GetChildren())
        {
            switch (section.Key)
            {
                case "Run":
                    Check(root, section, RunKeys, "Run", defaultsFile);
                    break;
                case "Targets":
                    foreach (var target in section.GetChildren())
                    {
                        var adapter = target["Adapter"];
                        var path = $"Targets:{target.Key}";
                        if (adapter is null)
                        {
                            throw new ConfigurationException($"{path}:Adapter is missing ({Origin(root, path, defaultsFile)}); accepted: {CommonTargetKeys[0].Accepted}");
                        }

                        Check(root, target, [.. CommonTargetKeys, .. AdapterRegistry.KeysOf(adapter)], path, defaultsFile);
                    }

                    break;
                default:
                    throw new ConfigurationException($"unknown configuration section '{section.Key}' ({Origin(root, FirstLeaf(section).Path, defaultsFile)}); accepted sections: Run, Targets");
            }
        }

        foreach (var key in RunKeys)
        {
            if (root[$"Run:{key.Name}"] is null && key.Name is not ("Replay" or "Baseline"))
            {
                throw new ConfigurationException($"Run:{key.Name} is missing; accepted: {key.Accepted}");
            }
        }
    }

    private static void Check(IConfigurationRoot root, IConfigurationSection section, IReadOnlyList<SettingKey> accepted, string path, string defaultsFile)
    {
        foreach (var child in section.GetChildren())
        {
            var full = $"{path}:{child.Key}";
            var key = accepted.FirstOrDefault(k => k.Name == child.Key)
                ?? throw new ConfigurationException($"unknown key '{full}' ({Origin(root, full, defaultsFile)}); accepted keys under {path}: {string.Join(", ", accepted.Select(k => k.Name))}");
            if (child.Value is null || !key.IsValid(child.Value))
            {
                throw new ConfigurationException($"{full} = '{child.Value}' ({Origin(root, full, defaultsFile)}) is not valid; accepted: {key.Accepted}");
            }
        }
    }

    private static IConfigurationSection FirstLeaf(IConfigurationSection section) =>
        section.GetChildren().FirstOrDefault() is { } child ? FirstLeaf(child) : section;

    /// <summary>Which source set the effective value of <paramref name="key"/>, in the words a user would search for.</summary>
    private static string Origin(IConfigurationRoot root, string key, string defaultsFile)
    {
        foreach (var provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out _) || provider.GetChildKeys([], key).Any())
            {
                return provider switch
                {
                    EnvironmentVariablesConfigurationProvider => $"environment variable {EnvironmentPrefix}{key.Replace(":", "__", StringComparison.Ordinal)}",
                    JsonConfigurationProvider => $"file {defaultsFile}",
                    MemoryConfigurationProvider => $"runsettings parameter {key}",
                    _ => provider.ToString() ?? "unknown source",
                };
            }
        }

        return "no source";
    }

    private static bool IsInt(string text, int min, int max) => AdapterRegistry.IsInt(text, min, max);

    private static int Int(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static FfaVersion Version(string text) => FfaVersion.TryParse(text, out var version) ? version : throw new ConfigurationException($"'{text}' is no FF-A version");
}
