using FfaConformance.Reports.Markdown;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;

namespace FfaConformance.Tests.Docs;

/// <summary>The README's rule list is the generated one, and every rule lives where its ID says.</summary>
[TestFixture]
public sealed class DocumentationTests
{
    private static readonly string Root = SettingsLoader.FindRepositoryRoot();

    [Test]
    public void TheReadmeRuleListIsGeneratedFromTheRules()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));

        Assert.That(RuleTable.UpdateReadme(readme), Is.EqualTo(readme),
            "README.md's rule list is stale: run `dotnet run --project cli -- rules --update-readme README.md`");
    }

    [Test]
    public void EveryRuleLivesInAFileNamedByItsId()
    {
        foreach (var rule in RuleCatalogue.All)
        {
            var path = Path.Combine(Root, RuleTable.Path(rule));
            Assert.That(File.Exists(path), Is.True, $"{rule.Id} should live in {RuleTable.Path(rule)}");
            Assert.That(File.ReadAllText(path), Does.Contain($"\"{rule.Id}\""), path);
        }
    }

    [Test]
    public void RuleIdsAreUnique() =>
        Assert.That(RuleCatalogue.All.Select(r => r.Id), Is.Unique);
}
