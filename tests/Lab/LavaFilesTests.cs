using FfaConformance.Tests.Native;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Lab;

/// <summary>
/// Every LAVA file in lava/ passes LAVA's own checks (Debian's lava-common): each job through lava-schema.py job,
/// the CI device dictionary through lava-schema.py device, the test definition through
/// lava_common.schemas.test.testdef; and every test definition a job names is called ffa-&lt;target&gt; or is an
/// inline helper, as lab dashboards expect one definition per target.
/// </summary>
[TestFixture]
[Category("Lab")]
public sealed class LavaFilesTests
{
    private const string Schema = "/usr/share/lava-common/lava-schema.py";

    private static string Lava => Path.Combine(NativeTargets.Root, "lava");

    public static IEnumerable<TestCaseData> Jobs() =>
        Directory.EnumerateFiles(Path.Combine(NativeTargets.Root, "lava", "jobs"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetName($"LAVA accepts the job {Path.GetFileName(f)}"));

    [OneTimeSetUp]
    public void LavaCommon()
    {
        if (!File.Exists(Schema) || DotnetTest.Shell("/usr/bin/python3 -c 'import jinja2, lava_common.schemas.test.testdef'", Lava).Exit != 0)
        {
            Prerequisite.Missing($"LAVA's checks come with Debian's lava-common ({Schema}) and python3-jinja2 (tools/test installs them)");
        }
    }

    [TestCaseSource(nameof(Jobs))]
    public void IsAValidJob(string job)
    {
        var (exit, output) = DotnetTest.Shell($"/usr/bin/python3 {Schema} job jobs/{job}", Lava);

        Assert.That(exit, Is.Zero, output);
        var names = File.ReadAllLines(Path.Combine(Lava, "jobs", job))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("name: ", StringComparison.Ordinal) && !l.Contains("inline", StringComparison.Ordinal))
            .Select(l => l["name: ".Length..]);
        Assert.That(names, Is.Not.Empty.And.All.Match("^ffa-[A-Za-z0-9][A-Za-z0-9._-]*$"));
    }

    [Test]
    public void TheCiDeviceIsAValidDevice()
    {
        var (exit, output) = DotnetTest.Shell($"/usr/bin/python3 {Schema} device devices/qemu-ci.yaml", Lava);

        Assert.That(exit, Is.Zero, output);
    }

    [Test]
    public void TheTestDefinitionIsValid()
    {
        var (exit, output) = DotnetTest.Shell(
            "/usr/bin/python3 -c 'import yaml; from lava_common.schemas.test.testdef import validate; validate(yaml.safe_load(open(\"ffa-conformance.yaml\")))'", Lava);

        Assert.That(exit, Is.Zero, output);
    }

    /// <summary>
    /// Its steps, run as LAVA runs them (sh with set -e), with a suite that writes its results and then exits with
    /// status 2 as a failing run does: every lava-test-case line still comes out.
    /// </summary>
    [Test]
    public void ItsStepsReportTheResultsWhateverTheSuiteReturned()
    {
        var folder = Directory.CreateTempSubdirectory("ffa-testdef-").FullName;
        try
        {
            var results = Path.Combine(folder, "results");
            File.WriteAllText(Path.Combine(folder, "suite"),
                $"#!/bin/sh\nmkdir -p {results}/lava\nprintf 'lava-test-case INV-A --result pass\\nlava-test-case INV-B --result fail\\n' > {results}/lava/$FFA_Run__Targets.sh\nexit 2\n");
            File.WriteAllText(Path.Combine(folder, "lava-test-case"), "#!/bin/sh\necho \"case $1 $3\"\n");
            var (steps, stepsOutput) = DotnetTest.Shell(
                $"/usr/bin/python3 -c 'import yaml; print(\"\\n\".join(yaml.safe_load(open(\"ffa-conformance.yaml\"))[\"run\"][\"steps\"]))' > {folder}/steps", Lava);
            Assert.That(steps, Is.Zero, stepsOutput);

            var (exit, output) = DotnetTest.Shell(
                $"chmod +x suite lava-test-case && PATH=\"$PWD:$PATH\" TARGET=board SUITE=\"$PWD/suite\" RESULTS={results} MAX_TEST=5 sh -e steps", folder);

            Assert.That(exit, Is.Zero, output);
            Assert.That(output, Does.Contain("the suite exited with status 2").And.Contain("case INV-A pass").And.Contain("case INV-B fail"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
