using System.Formats.Tar;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Linux;
using FfaConformance.Reports;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Reporting;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Lab;

/// <summary>
/// One real LAVA job, offline, with LAVA's own dispatcher (lava-run) and the repository's files: the QEMU job
/// template, the CI device and the test definition, used once per target (ffa-&lt;target&gt;). A run's results
/// directory goes into an aarch64 guest (Debian's kernel, a BusyBox ramdisk) as an overlay, the definition's
/// suite step fails as a failing run does, and the results LAVA records for every rule are the verdicts the same
/// run's junit.xml gives.
/// </summary>
[TestFixture]
[Category("Lab")]
public sealed partial class LavaRunTests
{
    [Test]
    public void ALavaJobReportsEveryRuleAsTheRunsJunitDoes()
    {
        if (Adapters.Sources.Toolchain.OnPath("lava-run") is null)
        {
            Prerequisite.Missing("a LAVA job runs with Debian's lava-dispatcher (tools/test installs it)");
        }

        LinuxKernel kernel;
        try
        {
            kernel = LinuxKernel.Prepare(Path.Combine(NativeTargets.Root, "artifacts", "build"), "lava");
        }
        catch (TargetUnavailableException e)
        {
            Prerequisite.Missing($"the LAVA job boots Debian's arm64 kernel: {e.Message}");
            return;
        }

        var work = Directory.CreateTempSubdirectory("ffa-lava-run-").FullName;
        try
        {
            var run = ReportRuns.Run;
            var results = Path.Combine(work, "results");
            RunArtifacts.Write(run, results, null, null);
            File.Copy(kernel.Image, Path.Combine(work, "Image"));
            Ramdisk(kernel.Busybox, Path.Combine(work, "ramdisk.cpio.gz"));
            TarFile.CreateFromDirectory(results, Path.Combine(work, "suite-linux-arm64.tar"), includeBaseDirectory: true);
            File.WriteAllText(Path.Combine(work, "job.yaml"), Job(work, run.Targets.Select(t => t.Name)));

            var (exit, log) = DotnetTest.Shell(
                $"lava-run --job-id 1 --output-dir '{work}/out' --device '{NativeTargets.Root}/lava/devices/qemu-ci.yaml' '{work}/job.yaml'", work, timeout: TimeSpan.FromMinutes(10));

            Assert.That(exit, Is.Zero, Tail(log));
            var recorded = Recorded(log);
            var junit = XDocument.Load(Path.Combine(results, RunArtifacts.JunitFile)).Descendants("testsuite").SelectMany(suite =>
                suite.Elements("testcase").Select(c => (Definition: $"ffa-{(string)suite.Attribute("name")!}", Case: (string)c.Attribute("name")!,
                    Result: c.Element("failure") is not null ? "fail" : c.Element("skipped") is not null ? "skip" : "pass"))).ToArray();
            Assert.That(recorded, Is.EquivalentTo(junit), Tail(log));
            Assert.That(recorded.Select(r => r.Result).Distinct(), Is.EquivalentTo(new[] { "pass", "fail", "skip" }));
            Assert.That(log, Does.Contain("the suite exited with status 1"), "the suite step failed, and the results came anyway");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>BusyBox, and an /init that gives LAVA a shell with the prompt its job waits for.</summary>
    private static void Ramdisk(string busybox, string path) => new Initramfs()
        .Folder("bin").Folder("dev").Folder("proc").Folder("sys").Folder("tmp").Folder("root")
        .File("bin/busybox", File.ReadAllBytes(busybox), executable: true)
        .File("init", Encoding.ASCII.GetBytes(
            "#!/bin/busybox sh\n/bin/busybox --install -s /bin\nmkdir -p /usr/bin /sbin /usr/sbin\n" +
            "mount -t proc proc /proc\nmount -t sysfs sysfs /sys\nmount -t devtmpfs devtmpfs /dev\n" +
            "export HOME=/root PS1='ramdisk:~# '\nexec setsid cttyhack sh -l\n"), executable: true)
        .Write(path);

    /// <summary>lava/jobs/qemu.yaml with its images in <paramref name="work"/>, this checkout as the definitions' repository, one definition per target whose suite step fails.</summary>
    private static string Job(string work, IEnumerable<string> targets)
    {
        var template = File.ReadAllText(Path.Combine(NativeTargets.Root, "lava", "jobs", "qemu.yaml"));
        var definitions = template.IndexOf("      definitions:", StringComparison.Ordinal);
        Assert.That(definitions, Is.GreaterThan(0), "the job template has a test action with definitions");
        var job = new StringBuilder(template[..definitions].Replace("file:///srv/ffa/", $"file://{work}/", StringComparison.Ordinal)).Append("      definitions:\n");
        foreach (var target in targets)
        {
            job.Append(CultureInfo.InvariantCulture, $"        - repository: file://{NativeTargets.Root}\n          from: git\n          path: lava/ffa-conformance.yaml\n          name: ffa-{target}\n")
                .Append(CultureInfo.InvariantCulture, $"          parameters:\n            TARGET: {target}\n            SUITE: \"false\"\n            RESULTS: /ffa/results\n");
        }

        return job.ToString();
    }

    /// <summary>The test-case results of the test definitions, from lava-run's log ("0_ffa-x" is LAVA's name for the first definition).</summary>
    private static (string Definition, string Case, string Result)[] Recorded(string log) =>
        [.. log.Split('\n').Where(l => l.Contains("\"lvl\": \"results\"", StringComparison.Ordinal)).Select(l => Result().Match(l))
            .Where(m => m.Success && m.Groups["definition"].Value != "lava")
            .Select(m => (DefinitionName().Replace(m.Groups["definition"].Value, string.Empty), m.Groups["case"].Value, m.Groups["result"].Value))];

    private static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(40));

    [GeneratedRegex("\"case\": \"(?<case>[^\"]+)\", \"definition\": \"(?<definition>[^\"]+)\".*\"result\": \"(?<result>[a-z]+)\"")]
    private static partial Regex Result();

    [GeneratedRegex("^[0-9]+_")]
    private static partial Regex DefinitionName();
}
