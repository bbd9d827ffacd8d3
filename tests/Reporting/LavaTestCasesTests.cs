using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using FfaConformance.Reports;
using FfaConformance.Reports.Junit;
using FfaConformance.Reports.Lava;

namespace FfaConformance.Tests.Reporting;

/// <summary>
/// LAVA's view of a run: each target's script, run by a POSIX shell with a stand-in lava-test-case, reports every
/// rule once, with the verdict the same run's JUnit file gives it and its seconds as a measurement; the run writes
/// one script per target and leaves none from an earlier run.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class LavaTestCasesTests
{
    [Test]
    public void EachTargetsScriptReportsEveryRuleAsJunitDoes()
    {
        var run = ReportRuns.Run;
        var junit = XDocument.Parse(JunitReport.Render(run)).Descendants("testsuite").ToDictionary(
            suite => (string)suite.Attribute("name")!,
            suite => suite.Elements("testcase").ToDictionary(
                c => (string)c.Attribute("name")!,
                c => c.Element("failure") is not null ? "fail" : c.Element("skipped") is not null ? "skip" : "pass"));

        Assert.Multiple(() =>
        {
            foreach (var target in run.Targets)
            {
                var signalled = Replay(LavaTestCases.Render(run, target.Name));
                Assert.That(signalled.Select(s => s.Name), Is.EquivalentTo(junit[target.Name].Keys), target.Name);
                foreach (var (name, result, measurement) in signalled)
                {
                    Assert.That(result, Is.EqualTo(junit[target.Name][name]), $"{target.Name}/{name}");
                    var seconds = run.Results.Single(r => r.Target == target.Name && r.Rule == name).Seconds;
                    Assert.That(measurement, Is.EqualTo(seconds.ToString("0.000", CultureInfo.InvariantCulture)), $"{target.Name}/{name}");
                }
            }
        });
        Assert.That(run.Targets.SelectMany(t => Replay(LavaTestCases.Render(run, t.Name))).Select(s => s.Result).Distinct(), Is.EquivalentTo(new[] { "pass", "fail", "skip" }));
    }

    [Test]
    public void TheRunWritesOneScriptPerTargetAndNoneFromAnEarlierRun()
    {
        var directory = Directory.CreateTempSubdirectory("ffa-lava-").FullName;
        try
        {
            var lava = Directory.CreateDirectory(Path.Combine(directory, LavaTestCases.Folder)).FullName;
            File.WriteAllText(Path.Combine(lava, "gone.sh"), "lava-test-case OLD --result pass\n");

            RunArtifacts.Write(ReportRuns.Run, directory, null, null);

            Assert.That(Directory.EnumerateFiles(lava).Select(Path.GetFileName), Is.EquivalentTo(ReportRuns.Run.Targets.Select(t => $"{t.Name}.sh")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Runs a script under sh with a lava-test-case that prints its name, result and measurement.</summary>
    private static IReadOnlyList<(string Name, string Result, string Measurement)> Replay(string script)
    {
        var folder = Directory.CreateTempSubdirectory("ffa-lava-sh-").FullName;
        try
        {
            var stub = Path.Combine(folder, "lava-test-case");
            File.WriteAllText(stub, "#!/bin/sh\nprintf '%s %s %s\\n' \"$1\" \"$3\" \"$5\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            }

            var file = Path.Combine(folder, "results.sh");
            File.WriteAllText(file, script);
            var start = new ProcessStartInfo("sh", [file]) { RedirectStandardOutput = true };
            start.Environment["PATH"] = $"{folder}:/usr/bin:/bin";
            using var shell = Process.Start(start)!;
            var output = shell.StandardOutput.ReadToEnd();
            shell.WaitForExit();
            Assert.That(shell.ExitCode, Is.Zero, output);
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).Select(p => (p[0], p[1], p[2]))];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
