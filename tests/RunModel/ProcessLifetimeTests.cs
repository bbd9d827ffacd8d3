using System.Diagnostics;
using FfaConformance.Abi;
using FfaConformance.Records;
using FfaConformance.Scenarios.Traces;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Processes;
using FfaConformance.Tests.Qemu;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.RunModel;

/// <summary>
/// Item 7 of the run-model issue: whatever a target does — fork a daemon that keeps the harness's pipe open,
/// then crash — the run goes on in bounded time and nothing the target started, and no file it made, outlives
/// it; and when `dotnet test` itself is killed with SIGKILL, its test host, the targets' processes and QEMU
/// go with it.
/// </summary>
[TestFixture]
[Category("Processes")]
public sealed class ProcessLifetimeTests
{
    private const string DaemonMarker = "31337.5";
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    [Test]
    public void ATransportThatForksADaemonAndCrashesEndsInBoundedTimeAndLeavesNothing()
    {
        NativeTargets.RequireToolchain();
        var shm = SharedMemoryFiles();

        var check = Task.Run(() => Runs.One("forks", () => NativeTargets.Create("forks", Runs.Hostile("forks-then-crashes.c"), FfaVersion.V1_2), "INV-REQ-FID"));
        Assert.That(check.Wait(TimeSpan.FromSeconds(90)), Is.True, "the rule did not finish: the run waited on a process the transport forked");

        var result = check.Result;
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Failed));
            Assert.That(result.Evidence!.Failing.Kind, Is.EqualTo(FailureKind.Crash));
            Assert.That(result.Evidence.Failing.Finding!.Text, Does.Contain("killed by SIGSEGV"));
            Assert.That(Eventually(() => ProcessTable.Running(DaemonMarker).Length == 0), Is.True, "a daemon the transport started outlived the target");
            Assert.That(SharedMemoryFiles().Except(shm), Is.Empty, "a shared page was left in /dev/shm");
        });
    }

    [TestCase("native")]
    [TestCase("qemu")]
    public void KillingDotnetTestWithSigkillTakesItsTestHostAndTargetsWithIt(string adapter)
    {
        QemuTargets.RequireToolsOf(adapter);

        var results = Directory.CreateTempSubdirectory("ffa-killed-").FullName;
        using var run = DotnetTest.Start("dotnet", ["test", DotnetTest.Suite, "--no-build"], NativeTargets.Root, new Dictionary<string, string>
        {
            ["FFA_Targets__victim__Adapter"] = adapter,
            ["FFA_Targets__victim__Source"] = Runs.Hostile("hangs.c"),
            ["FFA_Run__Targets"] = "victim",
            ["FFA_Run__ResultsDirectory"] = results,
        });
        _ = run.StandardOutput.ReadToEndAsync();
        _ = run.StandardError.ReadToEndAsync();
        var target = adapter == "qemu" ? "qemu-system-aarch64" : "ffa-host";
        var started = Eventually(() => ProcessTable.DescendantsOf(run.Id).Any(pid => Path.GetFileName(ProcessTable.CommandLine(pid).Split(' ')[0]) == target), TimeSpan.FromMinutes(2));
        var below = ProcessTable.DescendantsOf(run.Id);
        Assert.That(started, Is.True, $"no {target} appeared under dotnet test");

        Process.GetProcessById(run.Id).Kill();
        var gone = Eventually(() => !below.Any(ProcessTable.Alive));

        Assert.That(gone, Is.True, $"still running {Grace.TotalSeconds} s after dotnet test was killed: {string.Join("; ", below.Where(ProcessTable.Alive).Select(ProcessTable.CommandLine))}");
    }

    private static string[] SharedMemoryFiles() => Directory.Exists("/dev/shm") ? Directory.GetFiles("/dev/shm", "ffa-*") : [];

    private static bool Eventually(Func<bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Grace);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(50);
        }

        return true;
    }
}
