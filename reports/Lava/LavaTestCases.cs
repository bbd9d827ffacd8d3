using System.Globalization;
using System.Text;
using FfaConformance.Records;

namespace FfaConformance.Reports.Lava;

/// <summary>
/// A target's results as LAVA takes them: a POSIX shell script of lava-test-case calls, one per rule ID, with the
/// result CI systems are told (<see cref="Verdicts.Lab"/>, as in the JUnit output) and the rule's seconds as a
/// measurement. The run writes one script per target, after every result is known, so a LAVA test definition
/// named ffa-&lt;target&gt; replays it whatever the suite's exit status was (LAVA's run.sh has set -e).
/// </summary>
public static class LavaTestCases
{
    /// <summary>Where the scripts go, under the results directory: lava/&lt;target&gt;.sh.</summary>
    public const string Folder = "lava";

    public static string Render(RunRecord run, string target)
    {
        var script = new StringBuilder()
            .Append("#!/bin/sh\n")
            .Append(CultureInfo.InvariantCulture, $"# FfaConformance results of target {target}, run started {run.Run.Started:u}: one LAVA test case per rule.\n");
        foreach (var result in run.Results.Where(r => r.Target == target))
        {
            var word = Verdicts.Lab(result).ToString().ToLowerInvariant();
            script.Append(CultureInfo.InvariantCulture, $"lava-test-case {result.Rule} --result {word} --measurement {result.Seconds:0.000} --units s\n");
        }

        return script.ToString();
    }
}
