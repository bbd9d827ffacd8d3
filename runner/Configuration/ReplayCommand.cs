using System.Text.RegularExpressions;

namespace FfaConformance.Runner.Configuration;

/// <summary>
/// The command that reruns one case of one rule on one target, to paste into any terminal: every setting that
/// defines the target and the run but is not in the shipped defaults (whether it came from the environment or a
/// runsettings file) as an FFA_ variable, the replay string, and the suite in this checkout by its absolute
/// path, selected by the test's Target and Rule properties. A kept counterexample has no replay string: the
/// command names the counterexample database and reruns the rule, which runs the kept cases first.
/// </summary>
public static partial class ReplayCommand
{
    public static string For(SuiteSettings settings, string target, string rule, string replay)
    {
        var carried = settings.Overrides
            .Where(o => (o.Key.StartsWith($"Targets:{target}:", StringComparison.Ordinal) || o.Key.StartsWith("Run:", StringComparison.Ordinal))
                && !SettingsLoader.PlaceKeys.Contains(o.Key) && o.Key is not ("Run:Targets" or "Run:Replay"))
            .Append(KeyValuePair.Create("Run:Targets", target));
        if (replay.Length > 0)
        {
            carried = carried.Append(KeyValuePair.Create("Run:Replay", replay));
        }
        else if (settings.Examples is { } examples)
        {
            carried = carried.Append(KeyValuePair.Create("Run:Examples", examples));
        }

        var variables = string.Join(' ', carried.Select(o => $"{SettingsLoader.EnvironmentPrefix}{o.Key.Replace(":", "__", StringComparison.Ordinal)}={Quote(o.Value)}"));
        return $"{variables} dotnet test {Quote(Path.Combine(settings.RepositoryRoot, "suite"))} --filter {Quote(Filter(target, rule))}";
    }

    /// <summary>The VSTest filter that selects exactly one conformance test, by its properties.</summary>
    public static string Filter(string target, string rule) => $"Target={target}&Rule={rule}";

    /// <summary>A word the shell passes as it is: bare when it is safe, single-quoted otherwise.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && Safe().IsMatch(word) ? word : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    [GeneratedRegex("^[A-Za-z0-9_./,:@%+=-]+$")]
    private static partial Regex Safe();
}
