using System.Diagnostics;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Qemu;

namespace FfaConformance.Tests.Processes;

/// <summary>
/// A runner that dies — killed, not disposing anything — takes its QEMU or host process with it: a probe
/// process starts a target, the test kills the probe with SIGKILL and watches the probe's children go.
/// </summary>
[TestFixture]
[Category("Processes")]
public sealed class OrphanTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    [TestCase("native")]
    [TestCase("qemu")]
    public void TheTargetsProcessesDieWithTheRunner(string adapter)
    {
        QemuTargets.RequireToolsOf(adapter);

        using var probe = Process.Start(new ProcessStartInfo("dotnet",
        [
            "exec", "--runtimeconfig", Path.Combine(AppContext.BaseDirectory, "FfaConformance.Tests.runtimeconfig.json"),
            Path.Combine(AppContext.BaseDirectory, "FfaConformance.Probe.dll"),
            adapter, NativeTargets.Reference, Path.Combine(NativeTargets.Root, "artifacts", "build"),
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var ready = probe.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(60)) || ready.Result != "ready")
        {
            probe.Kill(entireProcessTree: true);
            Assert.Fail($"the probe did not start its target: {probe.StandardError.ReadToEnd()}");
        }

        var children = ProcessTable.ChildrenOf(probe.Id);
        Assert.That(children, Is.Not.Empty, "the probe has no child process to watch");

        probe.Kill();
        probe.WaitForExit(TimeSpan.FromSeconds(5));
        var deadline = DateTime.UtcNow + Grace;
        while (children.Any(ProcessTable.Alive) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.That(children.Where(ProcessTable.Alive), Is.Empty, $"still running {Grace.TotalSeconds} s after the runner was killed");
    }
}
