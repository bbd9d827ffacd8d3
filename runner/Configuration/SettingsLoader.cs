using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using FfaConformance.Abi;
using FfaConformance.Adapters;
using FfaConformance.Adapters.Contract;
using FfaConformance.Runner.Engine;

namespace FfaConformance.Runner.Configuration;

/// <summary>
/// Reads the configuration (<see cref="ConfigurationSources"/>) and checks every key exactly, before anything
/// runs: an unknown or mis-cased key, a malformed value, a target name a test filter could not select, a
/// target listed twice — each is one <see cref="ConfigurationException"/> naming the key, its source and what
/// is accepted. Nothing is ignored and nothing falls back.
/// </summary>
public static partial class SettingsLoader
{
    public const string EnvironmentPrefix = ConfigurationSources.EnvironmentPrefix;
    public const string DefaultsFileName = "ffa.defaults.json";

    /// <summary>A target that does not say which FF-A version it negotiates is taken to negotiate v1.0, as U-Boot does.</summary>
    public static readonly FfaVersion DefaultVersion = FfaVersion.V1_0;

    /// <summary>Run keys that say where things go rather than what is checked: a replay need not carry them.</summary>
    public static readonly IReadOnlySet<string> PlaceKeys = new HashSet<string>(StringComparer.Ordinal) { "Run:ResultsDirectory", "Run:Baseline", "Run:BuildDirectory", "Run:Root", "Run:Examples" };

    private static readonly SettingKey[] RunKeys =
    [
        new("Targets", "'all' or a comma-separated list of target names defined under Targets", v => v.Split(',').All(n => n.Trim().Length > 0)) { Required = true },
        new("MaxTest", "a whole number of cases per rule, 1–1000000", v => SettingKey.IsInt(v, 1, 1_000_000)) { Required = true },
        new("CallBudget", "a whole number of conduit calls per case, 16–100000", v => SettingKey.IsInt(v, 16, 100_000)) { Required = true },
        new("Replay", "'seed,gamma' or 'seed,gamma,size' as a failure prints it, or empty", v => v.Length == 0 || Seeds.TryParse(v, out _)),
        new("SecureWorldVersion", $"the FF-A version the managed secure world implements: {Versions}", v => FfaVersion.TryParse(v, out _)) { Required = true },
        new("ResultsDirectory", "a directory path (relative paths are relative to the checkout)", v => v.Trim().Length > 0) { Required = true },
        new("Baseline", "'previous' (the last complete run in ResultsDirectory), the path of an earlier run.json, or empty for none", _ => true),
        new("BuildDirectory", "a directory for built targets (relative paths are relative to the checkout)", v => v.Trim().Length > 0) { Required = true },
        new("Examples", "the counterexample database's directory (relative paths are relative to the checkout), 'none' to keep no counterexamples, or empty for <ResultsDirectory>/examples", v => v.Trim() == "none" || !v.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)),
        new("Root", "an existing directory that relative paths are relative to, for a suite published without its checkout (default: the checkout holding FfaConformance.sln above the suite)", v => Directory.Exists(v.Trim())),
    ];

    private static readonly SettingKey[] CommonTargetKeys =
    [
        new("Adapter", $"one of: {string.Join(", ", AdapterCatalogue.Names)}", v => AdapterCatalogue.Find(v) is not null) { Required = true },
        new("Version", $"the FF-A version the target negotiates: {Versions} (default 1.0, as U-Boot)", v => FfaVersion.TryParse(v, out _)),
        new("MaxTest", "a whole number of cases per rule, 1–1000000", v => SettingKey.IsInt(v, 1, 1_000_000)),
        new("Expectations", "a JSON file of rules the target is expected to fail, or several, comma-separated (relative paths are relative to the checkout)", v => v.Trim().Length > 0),
    ];

    private static readonly string[] Sections = ["Run", "Targets"];

    private static string Versions => string.Join(", ", FfaVersion.Known.Select(v => $"{v.Major}.{v.Minor}"));

    /// <summary>What a target name may be: letters, digits, '-', '_' and '.', so that a test filter can select it.</summary>
    public const string NameRule = "letters, digits, '-', '_' and '.', starting with a letter or digit";

    /// <summary>How hard a run looks when nothing is configured: Run:MaxTest and Run:CallBudget as the shipped defaults file gives them.</summary>
    public static RunOptions DefaultOptions => Defaults.Value;

    private static readonly Lazy<RunOptions> Defaults = new(() =>
    {
        var file = ConfigurationSources.Read(Path.Combine(AppContext.BaseDirectory, DefaultsFileName), new Dictionary<string, string>(), [])
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        return new RunOptions(Int(file["Run:MaxTest"]), Int(file["Run:CallBudget"]), null);
    });

    /// <summary>Loads from the defaults file next to the assembly (or <paramref name="defaultsFile"/>), the environment and <paramref name="runParameters"/>.</summary>
    public static SuiteSettings Load(
        IEnumerable<KeyValuePair<string, string?>> runParameters,
        string? defaultsFile = null,
        string? repositoryRoot = null,
        IDictionary? environment = null)
    {
        defaultsFile ??= Path.Combine(AppContext.BaseDirectory, DefaultsFileName);
        var entries = ConfigurationSources.Read(defaultsFile, environment ?? System.Environment.GetEnvironmentVariables(), runParameters);
        foreach (var entry in entries)
        {
            CheckSpelling(entry);
        }

        var effective = new Dictionary<string, ConfigurationEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            effective[entry.Key] = entry;
        }

        CheckTargetNames(effective.Values);
        // Adapters first: which keys a target accepts depends on its adapter.
        foreach (var entry in effective.Values.OrderBy(e => e.Segments[^1] == "Adapter" ? 0 : 1))
        {
            Check(entry, KeyOf(entry, effective));
        }

        foreach (var key in RunKeys.Where(k => k.Required && !effective.ContainsKey($"Run:{k.Name}")))
        {
            throw new ConfigurationException($"Run:{key.Name} is missing; accepted: {key.Accepted}");
        }

        var defined = effective.Values.Where(e => e.Segments[0] == "Targets").Select(e => e.Segments[1]).Distinct().Order(StringComparer.Ordinal).ToArray();
        foreach (var name in defined)
        {
            var adapter = AdapterCatalogue.Find(effective.GetValueOrDefault($"Targets:{name}:Adapter")?.Value ?? string.Empty);
            var keys = adapter is null ? CommonTargetKeys : [.. CommonTargetKeys, .. adapter.Keys];
            foreach (var key in keys.Where(k => k.Required && !effective.ContainsKey($"Targets:{name}:{k.Name}")))
            {
                throw new ConfigurationException($"Targets:{name}:{key.Name} is missing ({Origin(effective, name)}); accepted: {key.Accepted}");
            }
        }

        var selection = effective["Run:Targets"];
        var names = selection.Value.Trim() == "all"
            ? defined
            : selection.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in names)
        {
            if (!defined.Contains(name, StringComparer.Ordinal))
            {
                throw new ConfigurationException($"Run:Targets names '{name}' ({selection.Origin}), which is not defined; defined targets: {string.Join(", ", defined)}");
            }
        }

        if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ConfigurationException($"Run:Targets names '{twice.Key}' twice ({selection.Origin}); accepted: each target once");
        }

        repositoryRoot ??= effective.GetValueOrDefault("Run:Root") is { } root ? Path.GetFullPath(root.Value.Trim()) : FindRepositoryRoot();
        string Value(string key) => effective[key].Value;
        var replay = effective.GetValueOrDefault("Run:Replay")?.Value;
        var baseline = effective.GetValueOrDefault("Run:Baseline")?.Value.Trim();
        var fromFile = ConfigurationSources.FileOrigin(defaultsFile);
        var settings = new SuiteSettings(
            [.. names.Select(name => Target(name, effective, fromFile))],
            new RunOptions(Int(Value("Run:MaxTest")), Int(Value("Run:CallBudget")), string.IsNullOrWhiteSpace(replay) ? null : replay.Trim()),
            Version(Value("Run:SecureWorldVersion")),
            TargetConfig.Resolve(repositoryRoot, Value("Run:ResultsDirectory")),
            TargetConfig.Resolve(repositoryRoot, Value("Run:BuildDirectory")),
            repositoryRoot)
        {
            Baseline = baseline switch
            {
                null or "" => null,
                SuiteSettings.PreviousRun => SuiteSettings.PreviousRun,
                _ => TargetConfig.Resolve(repositoryRoot, baseline),
            },
            Overrides = Overrides(entries, effective, defaultsFile),
            Shown = effective.Values.ToDictionary(e => e.Key, e => $"{e.Key} = '{e.Value}' ({e.Origin})", StringComparer.Ordinal),
            Home = SuiteHome(),
            Examples = effective.GetValueOrDefault("Run:Examples")?.Value.Trim() switch
            {
                null or "" => Path.Combine(TargetConfig.Resolve(repositoryRoot, Value("Run:ResultsDirectory")), "examples"),
                "none" => null,
                var directory => TargetConfig.Resolve(repositoryRoot, directory),
            },
        };
        if (settings.Baseline is { } path && path != SuiteSettings.PreviousRun && !File.Exists(path))
        {
            throw new ConfigurationException($"Run:Baseline = '{baseline}' ({effective["Run:Baseline"].Origin}) does not exist; accepted: 'previous', the path of an earlier run.json, or empty for none");
        }

        return settings;
    }

    /// <summary>
    /// The names of the targets a configuration mentions, read however broken it is, never throwing: so that
    /// when it cannot be loaded, every test a filter could select still exists and fails with the error.
    /// </summary>
    public static IReadOnlyList<string> MentionedTargets(IEnumerable<KeyValuePair<string, string?>> runParameters, string? defaultsFile = null, IDictionary? environment = null)
    {
        var keys = Lenient(runParameters, defaultsFile, environment);
        var names = new List<string>();
        void Add(string name)
        {
            if (TargetName().IsMatch(name) && !names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        foreach (var (key, value) in keys)
        {
            var segments = key.Split(':');
            if (segments.Length >= 3 && !segments[0].Equals("Run", StringComparison.OrdinalIgnoreCase))
            {
                Add(segments[1]);
            }
            else if (segments is [var run, var targets] && run.Equals("Run", StringComparison.OrdinalIgnoreCase) && targets.Equals("Targets", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var name in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(n => n != "all"))
                {
                    Add(name);
                }
            }
        }

        return names;
    }

    /// <summary>
    /// Where the results of a run whose configuration cannot be loaded go, read however broken it is, never throwing:
    /// Run:ResultsDirectory as the sources spell it, relative to Run:Root or the checkout; null when that cannot be told.
    /// </summary>
    public static string? ResultsDirectoryOf(IEnumerable<KeyValuePair<string, string?>> runParameters, string? defaultsFile = null, IDictionary? environment = null)
    {
        var keys = Lenient(runParameters, defaultsFile, environment);
        string? Last(string key) => keys.LastOrDefault(k => k.Key == key).Value is { } value && value.Trim().Length > 0 ? value.Trim() : null;
        if (Last("Run:ResultsDirectory") is not { } results)
        {
            return null;
        }

        try
        {
            var root = Last("Run:Root") is { } given ? (Directory.Exists(given) ? Path.GetFullPath(given) : null) : FindRepositoryRoot();
            return root is null ? null : TargetConfig.Resolve(root, results);
        }
        catch (Exception e) when (e is ConfigurationException or ArgumentException or IOException)
        {
            return null;
        }
    }

    /// <summary>Every key the three sources give, in order, read without checking anything (a broken defaults file gives none).</summary>
    private static List<(string Key, string Value)> Lenient(IEnumerable<KeyValuePair<string, string?>> runParameters, string? defaultsFile, IDictionary? environment)
    {
        var variables = environment ?? System.Environment.GetEnvironmentVariables();
        var keys = new List<(string Key, string Value)>();
        try
        {
            keys.AddRange(ConfigurationSources.Read(defaultsFile ?? Path.Combine(AppContext.BaseDirectory, DefaultsFileName), new Dictionary<string, string>(), [])
                .Select(e => (e.Key, e.Value)));
        }
        catch (ConfigurationException)
        {
            // A broken defaults file names nothing; the other sources still may.
        }

        keys.AddRange(variables.Keys.OfType<string>().Where(n => n.StartsWith("FFA", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
            .Select(n => (Prefix().Replace(n, string.Empty).Replace("__", ":", StringComparison.Ordinal), variables[n] as string ?? string.Empty)));
        keys.AddRange(runParameters.Select(p => (p.Key.Replace("__", ":", StringComparison.Ordinal), p.Value ?? string.Empty)));
        return keys;
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

        throw new ConfigurationException($"cannot find FfaConformance.sln above {AppContext.BaseDirectory}; run the suite from a checkout, or name the folder relative paths start from in Run:Root (FFA_Run__Root)");
    }

    /// <summary>Sections, Run keys, target names and common target keys, exactly as the user must spell them.</summary>
    private static void CheckSpelling(ConfigurationEntry entry)
    {
        var segments = entry.Segments;
        var section = segments[0];
        if (!Sections.Contains(section, StringComparer.Ordinal))
        {
            var meant = Sections.FirstOrDefault(s => s.Equals(section, StringComparison.OrdinalIgnoreCase));
            throw new ConfigurationException(meant is null
                ? $"unknown configuration section '{section}' ({entry.Origin}); accepted sections: {string.Join(", ", Sections)}"
                : $"'{entry.Key}' ({entry.Origin}) is mis-cased; accepted: {meant}{entry.Key[section.Length..]} (keys are case-sensitive)");
        }

        var depth = section == "Run" ? 2 : 3;
        if (segments.Length != depth)
        {
            throw new ConfigurationException(section == "Run"
                ? $"'{entry.Key}' ({entry.Origin}) is not a key; accepted: Run:<key>, one of {string.Join(", ", RunKeys.Select(k => k.Name))}"
                : $"'{entry.Key}' ({entry.Origin}) is not a key; accepted: Targets:<name>:<key>");
        }

        if (section == "Targets" && !TargetName().IsMatch(segments[1]))
        {
            throw new ConfigurationException($"target name '{segments[1]}' ({entry.Origin}) is not accepted; accepted: {NameRule}");
        }
    }

    /// <summary>Two targets whose names differ only in case would be one test name for some filters.</summary>
    private static void CheckTargetNames(IEnumerable<ConfigurationEntry> entries)
    {
        var names = entries.Where(e => e.Segments[0] == "Targets").Select(e => (Name: e.Segments[1], e.Origin)).DistinctBy(p => p.Name).ToArray();
        foreach (var group in names.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            throw new ConfigurationException(
                $"targets {string.Join(" and ", group.Select(p => $"'{p.Name}' ({p.Origin})"))} differ only in case; accepted: names that differ in more than case (keys are case-sensitive)");
        }
    }

    /// <summary>The accepted key an entry sets, for its section; an unknown or mis-cased key is an error.</summary>
    private static SettingKey KeyOf(ConfigurationEntry entry, IReadOnlyDictionary<string, ConfigurationEntry> effective)
    {
        var segments = entry.Segments;
        var (accepted, under) = segments[0] == "Run"
            ? (RunKeys, "Run")
            : (Accepted(effective.GetValueOrDefault($"Targets:{segments[1]}:Adapter")?.Value), $"Targets:{segments[1]}");
        var name = segments[^1];
        if (accepted.FirstOrDefault(k => k.Name == name) is { } key)
        {
            return key;
        }

        var meant = accepted.FirstOrDefault(k => k.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        throw new ConfigurationException(meant is null
            ? $"unknown key '{entry.Key}' ({entry.Origin}); accepted keys under {under}: {string.Join(", ", accepted.Select(k => k.Name))}"
            : $"'{entry.Key}' ({entry.Origin}) is mis-cased; accepted: {under}:{meant.Name} (keys are case-sensitive)");
    }

    private static SettingKey[] Accepted(string? adapter) =>
        AdapterCatalogue.Find(adapter ?? string.Empty) is { } found ? [.. CommonTargetKeys, .. found.Keys] : CommonTargetKeys;

    private static void Check(ConfigurationEntry entry, SettingKey key)
    {
        if (!key.IsValid(entry.Value))
        {
            throw new ConfigurationException($"{entry.Key} = '{entry.Value}' ({entry.Origin}) is not valid; accepted: {key.Accepted}");
        }
    }

    private static TargetSettings Target(string name, IReadOnlyDictionary<string, ConfigurationEntry> effective, string fromFile)
    {
        var prefix = $"Targets:{name}:";
        var entries = effective.Values.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        var keys = entries.ToDictionary(e => e.Segments[2], e => e.Value, StringComparer.Ordinal);
        return new TargetSettings(
            name,
            keys["Adapter"],
            keys.TryGetValue("Version", out var version) ? Version(version) : DefaultVersion,
            keys.TryGetValue("MaxTest", out var maxTest) ? Int(maxTest) : null,
            keys)
        {
            FromDefaults = entries.Where(e => e.Origin == fromFile).Select(e => e.Segments[2]).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>Where the suite's own files are: the checkout above the running assembly, or, published without one, the suite's own folder.</summary>
    private static string SuiteHome()
    {
        try
        {
            return FindRepositoryRoot();
        }
        catch (ConfigurationException)
        {
            return Path.GetFullPath(AppContext.BaseDirectory);
        }
    }

    /// <summary>Every effective key whose value the defaults file does not give: what a replay must carry.</summary>
    private static IReadOnlyDictionary<string, string> Overrides(IReadOnlyList<ConfigurationEntry> entries, IReadOnlyDictionary<string, ConfigurationEntry> effective, string defaultsFile)
    {
        var defaults = entries.Where(e => e.Origin == ConfigurationSources.FileOrigin(defaultsFile)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        return effective.Values
            .Where(e => !defaults.TryGetValue(e.Key, out var value) || value != e.Value)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    /// <summary>Where the keys of a target come from, for a message about a key it lacks.</summary>
    private static string Origin(IReadOnlyDictionary<string, ConfigurationEntry> effective, string name) =>
        string.Join(", ", effective.Values.Where(e => e.Segments[0] == "Targets" && e.Segments[1] == name).Select(e => e.Origin).Distinct());

    private static int Int(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static FfaVersion Version(string text) => FfaVersion.TryParse(text, out var version) ? version : throw new ConfigurationException($"'{text}' is no FF-A version");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex TargetName();

    [GeneratedRegex("^[Ff][Ff][Aa]_*")]
    private static partial Regex Prefix();
}
