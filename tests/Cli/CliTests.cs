using FfaConformance.Reports;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Reporting;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Cli;

/// <summary>The ffa command line as a user calls it: help is a command, and a report goes where it is told, folder or not (item 10).</summary>
[TestFixture]
[Category("Commands")]
public sealed class CliTests
{
    private static readonly string Ffa = Path.Combine(NativeTargets.Root, "cli", "bin", "Debug", "net10.0", "ffa.dll");

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("help")]
    public void HelpListsTheCommandsAndSucceeds(string help)
    {
        var (exit, output) = DotnetTest.Shell($"dotnet {Ffa} {help}", Path.GetTempPath());

        Assert.That((exit, output), Is.EqualTo((0, output)));
        Assert.That(output, Does.Contain("report [--out FILE]").And.Contain("bench").And.Not.Contain("unknown command"));
    }

    [Test]
    public void AnUnknownCommandFailsWithTheList()
    {
        var (exit, output) = DotnetTest.Shell($"dotnet {Ffa} frobnicate", Path.GetTempPath());

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Does.StartWith("ffa: unknown command 'frobnicate'. Accepted:"));
    }

    [Test]
    public void AReportIntoAFolderThatDoesNotExistYetIsWritten()
    {
        var directory = Directory.CreateTempSubdirectory("ffa-cli-").FullName;
        var run = Path.Combine(directory, "run.json");
        Runner.Records.RunRecordFile.Write(ReportRuns.Run, run);
        var output = Path.Combine(directory, "not", "yet", "report.html");

        var (exit, text) = DotnetTest.Shell($"dotnet {Ffa} report --out {output} --junit {Path.Combine(directory, "x", "junit.xml")} {run}", directory);

        Assert.That(exit, Is.Zero, text);
        Assert.That(File.ReadAllText(output), Does.StartWith("<!DOCTYPE html>"));
        Assert.That(File.Exists(Path.Combine(directory, "x", RunArtifacts.JunitFile)), Is.True);
    }
}
