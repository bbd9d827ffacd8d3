using FfaConformance.Runner.Configuration;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Processes;

/// <summary>
/// A run that stops resumes: `dotnet test` is killed (SIGKILL, its whole tree) in the middle of a rule on a slow
/// C transport; the same command run again picks the rule up after the case it was lost in, reports that case as
/// a failing case (it never finished, so it never passed) with all the rule's cases counted, and ends the
/// journal; the lost case was kept in the counterexample database, and the next run replays it first.
/// </summary>
[TestFixture]
[Category("Processes")]
public sealed class ResumeTests
{
    [Test]
    public void ARunnerKilledMidRuleResumesAfterTheLostCaseAndReportsIt()
    {
        NativeTargets.RequireToolchain();
        var work = Directory.CreateTempSubdirectory("ffa-resume-").FullName;
        try
        {
            var source = Path.Combine(work, "slow.c");
            File.WriteAllText(source, NativeTargets.SlowReference());
            var results = Path.Combine(work, "results");
            var environment = NativeTargets.SlowRun(source, results, maxTest: 60);
            var command = $"dotnet test '{DotnetTest.Suite}' --no-build --filter 'Target=slow&Rule=INV-RESP-PAYLOAD' --logger 'console;verbosity=normal'";
            var journal = Path.Combine(results, SuitePlan.RunJournalFile);

            using (var first = DotnetTest.Start("/bin/bash", ["-c", command], work, environment))
            {
                var deadline = DateTime.UtcNow.AddMinutes(3);
                while (CasesStarted(journal) < 5 && DateTime.UtcNow < deadline && !first.HasExited)
                {
                    Thread.Sleep(100);
                }

                Assert.That(first.HasExited, Is.False, "the first run ended before it could be killed");
                first.Kill(entireProcessTree: true);
                first.WaitForExit();
            }

            Thread.Sleep(1000);
            var lost = CasesStarted(journal);
            Assert.That(lost, Is.GreaterThanOrEqualTo(5));

            var (_, resumed) = DotnetTest.Shell(command, work, environment, TimeSpan.FromMinutes(5));

            Assert.That(resumed, Does.Contain($"the run was lost during this case: case {lost} was running when the run stopped"));
            Assert.That(resumed, Does.Contain($"(resumed after the run stopped: cases 1–{lost - 1} had passed before, case {lost} was lost;"));
            Assert.That(resumed, Does.Contain("60 cases"), "every case of the rule is counted, before and after the stop");
            Assert.That(File.Exists(journal), Is.False, "a run that ended leaves no journal");
            var note = $"{journal}: a run of this plan stopped before it ended, having finished 0 rule(s) and begun 1 more";
            Assert.That(resumed, Does.Contain(note));
            Assert.That(File.ReadAllText(Path.Combine(results, "summary.txt")), Does.Contain($"Note: {note}"), "the note is kept with the results, not only printed");

            var (_, next) = DotnetTest.Shell(command, work, environment, TimeSpan.FromMinutes(5));

            Assert.That(next, Does.Contain("1 counterexample(s) kept since").And.Contain("pass now and left"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The highest case index the journal says was started, or 0.</summary>
    private static int CasesStarted(string journal) =>
        DotnetTest.Read(journal).Split('\n')
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, "\"case\": *([0-9]+)"))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();
}
