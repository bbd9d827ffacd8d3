using FfaConformance.Reports.Markdown;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;

namespace FfaConformance.Tests.Docs;

/// <summary>The documented rule list is the generated one, and every rule lives where its ID says.</summary>
[TestFixture]
[Category("Fast")]
public sealed class DocumentationTests
{
    private static readonly string Root = SettingsLoader.FindRepositoryRoot();

    [Test]
    public void TheRuleListIsGeneratedFromTheRules()
    {
        var document = File.ReadAllText(Path.Combine(Root, RuleTable.Document));

        Assert.That(RuleTable.Update(document), Is.EqualTo(document),
            $"{RuleTable.Document}'s rule list is stale: run `dotnet run --project cli -- rules --update {RuleTable.Document}`");
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
