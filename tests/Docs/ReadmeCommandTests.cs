using System.Text;
using System.Text.RegularExpressions;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Docs;

/// <summary>
/// Every command in the README's shell blocks works as written (item 5 of the run-model issue), run from the
/// checkout in a clean environment: the solution-wide test commands list their tests (running them here
/// would run this test again); every other `dotnet test` runs for real and must be green, and so must the
/// `ffa` commands. Results go to a scratch folder instead of artifacts/results, which a concurrent run of
/// the suite itself writes.
/// </summary>
[TestFixture]
[Category("Commands")]
public sealed partial class ReadmeCommandTests
{
    private static readonly string Results = Directory.CreateTempSubdirectory("ffa-readme-").FullName;

    public static IEnumerable<TestCaseData> Commands() =>
        ShellCommands(File.ReadAllText(Path.Combine(NativeTargets.Root, "README.md")))
            .Select((command, i) => new TestCaseData(command).SetName($"README command {i + 1}: {Shorten(command)}"));

    [Test]
    public void TheReadmeShowsTheTwoCommandsAndFilters()
    {
        var commands = Commands().Select(c => (string)c.Arguments[0]!).ToArray();

        Assert.That(commands, Does.Contain("tools/test"));
        Assert.That(commands, Has.Some.StartWith("dotnet test suite --settings runsettings/emulator.runsettings"));
        Assert.That(commands, Has.Some.Contains("--filter \"Target="));
    }

    [TestCaseSource(nameof(Commands))]
    public void WorksAsWritten(string command)
    {
        var solutionWide = command.StartsWith("tools/test", StringComparison.Ordinal) || command.Contains("FfaConformance.sln", StringComparison.Ordinal);
        var run = command.Replace("artifacts/results/", $"{Results}/", StringComparison.Ordinal);
        run = solutionWide ? $"{run} --no-build --list-tests"
            : run.Contains("dotnet test", StringComparison.Ordinal) ? $"{run} --no-build"
            : run.Replace("dotnet run --project", "dotnet run --no-build --project", StringComparison.Ordinal);

        var (exit, output) = DotnetTest.Shell(run, NativeTargets.Root, new Dictionary<string, string> { ["FFA_Run__ResultsDirectory"] = Results }, TimeSpan.FromMinutes(10));

        Assert.That(exit, Is.Zero, $"{run}\n{output}");
        Assert.That(output, Does.Not.Contain("No test matches").And.Not.Contain("Invalid Condition"));
        if (solutionWide)
        {
            Assert.That(output, Does.Contain("The following Tests are available:"));
        }
        else if (command.Contains("dotnet test", StringComparison.Ordinal))
        {
            Assert.That(output, Does.Match(@"Passed!  - Failed:\s+0, Passed:\s+[1-9]|Test Run Successful"));
        }
    }

    /// <summary>The commands of every ```sh block: continuation lines joined, comments dropped.</summary>
    private static IEnumerable<string> ShellCommands(string markdown)
    {
        foreach (Match block in ShellBlock().Matches(markdown))
        {
            var current = new StringBuilder();
            foreach (var raw in block.Groups[1].Value.Split('\n'))
            {
                var line = TrailingComment().Replace(raw, string.Empty).Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                if (line.EndsWith('\\'))
                {
                    current.Append(line[..^1]).Append(' ');
                    continue;
                }

                yield return current.Append(line).ToString();
                current.Clear();
            }
        }
    }

    private static string Shorten(string command) => command.Length > 70 ? command[..70] + "…" : command;

    [GeneratedRegex(@"```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"\s{2,}#.*$")]
    private static partial Regex TrailingComment();
}
