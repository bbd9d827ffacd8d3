using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Expectations;

namespace FfaConformance.Tests.Expectations;

/// <summary>An expectations file that cannot be used is one error naming the file, the entry (counted from 1, as an editor shows them) and what is accepted.</summary>
[TestFixture]
[Category("Fast")]
public sealed class ExpectationsFileTests
{
    private const string Good = """{ "rule": "INV-REQ-FID", "failure": "finding", "reason": "r", "reference": "x", "expires": "2099-01-01" }""";

    [TestCase($$"""{ "expected": [ { "rule": "INV-REQ-FID" } ] }""", "entry 1: 'failure' is missing or empty")]
    [TestCase($$"""{ "expected": [ {{Good}}, { "rule": "INV-NOPE", "failure": "finding", "reason": "r", "reference": "x", "expires": "2099-01-01" } ] }""", "entry 2: no rule 'INV-NOPE'")]
    [TestCase($$"""{ "expected": [ {{Good}}, {{Good}} ] }""", "INV-REQ-FID is listed twice")]
    [TestCase($$"""{ "expected": [ { "rule": "INV-REQ-FID", "failure": "finding", "reason": "r", "reference": "x", "expires": "soon" } ] }""", "entry 1: expires 'soon' is not a date; accepted: yyyy-MM-dd")]
    [TestCase("""{ "expect": [] }""", "expected an object with an \"expected\" array")]
    public void ABadFileIsOneErrorNamingFileAndEntry(string content, string says)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("ffa-expectations-").FullName, "mine.json");
        File.WriteAllText(file, content);

        var error = Assert.Throws<ConfigurationException>(() => ExpectationsFile.Load(file))!;

        Assert.That(error.Message, Does.StartWith($"{file}").And.Contain(says));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Test]
    public void SeveralFilesAddUpAndARuleInTwoOfThemIsOneErrorNamingBoth()
    {
        var folder = Directory.CreateTempSubdirectory("ffa-expectations-").FullName;
        var (base_, added, again) = (Path.Combine(folder, "base.json"), Path.Combine(folder, "added.json"), Path.Combine(folder, "again.json"));
        File.WriteAllText(base_, $$"""{ "expected": [ {{Good}} ] }""");
        File.WriteAllText(added, """{ "expected": [ { "rule": "INV-REQ2-GATED", "failure": "finding", "reason": "r", "reference": "x", "expires": "2099-01-01" } ] }""");
        File.WriteAllText(again, $$"""{ "expected": [ {{Good}} ] }""");

        var both = ExpectationsFile.Load([base_, added]);
        var error = Assert.Throws<ConfigurationException>(() => ExpectationsFile.Load([base_, added, again]))!;

        Assert.Multiple(() =>
        {
            Assert.That(both.Keys, Is.EquivalentTo(new[] { "INV-REQ-FID", "INV-REQ2-GATED" }));
            Assert.That(error.Message, Is.EqualTo($"INV-REQ-FID is listed both in {base_} and in {again}; a target's expectations files must not repeat a rule"));
        });
        Directory.Delete(folder, recursive: true);
    }
}
