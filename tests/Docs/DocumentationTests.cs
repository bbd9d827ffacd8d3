using FfaConformance.Adapters;
using FfaConformance.Reports.Markdown;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;

namespace FfaConformance.Tests.Docs;

/// <summary>
/// The documented rule list is the generated one, every rule lives where its ID says, and the README's "Where
/// things live" names every project and every adapter with the folder it is in.
/// </summary>
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

    [Test]
    public void WhereThingsLiveNamesEveryAdapterInItsFolder()
    {
        var rows = WhereThingsLive();
        foreach (var adapter in AdapterCatalogue.All)
        {
            // The folder follows the namespace, as every file's does.
            var folder = $"adapters/{adapter.GetType().Namespace!["FfaConformance.Adapters.".Length..].Replace('.', '/')}/";
            Assert.That(File.Exists(Path.Combine(Root, folder, $"{adapter.GetType().Name}.cs")), Is.True, $"{adapter.GetType().Name} should live in {folder}");
            Assert.That(rows.TryGetValue(folder, out var description), Is.True, $"README's \"Where things live\" has no row for {folder}, where the {adapter.Name} adapter lives");
            Assert.That(description, Does.Contain($"`{adapter.Name}`"), $"README's row for {folder} should name the {adapter.Name} adapter");
        }
    }

    [Test]
    public void WhereThingsLiveNamesEveryProjectAndOnlyPathsThatExist()
    {
        var rows = WhereThingsLive();
        var projects = Directory.GetDirectories(Root)
            .Where(d => Directory.GetFiles(d, "*.csproj").Length > 0)
            .Select(d => $"{Path.GetFileName(d)}/");
        Assert.That(rows.Keys, Is.SupersetOf(projects), "README's \"Where things live\" should name every project's folder");

        // Paths the descriptions quote, without placeholders (<Area>) or commands.
        var quoted = rows.Values.SelectMany(d => d.Split('`').Where((_, i) => i % 2 == 1))
            .Where(q => q.Contains('/', StringComparison.Ordinal) && !q.Contains('<', StringComparison.Ordinal) && !q.Contains(' ', StringComparison.Ordinal));
        foreach (var path in rows.Keys.Concat(quoted))
        {
            Assert.That(Directory.Exists(Path.Combine(Root, path)) || File.Exists(Path.Combine(Root, path)), Is.True, $"README's \"Where things live\" names {path}, which does not exist");
        }
    }

    /// <summary>The rows of the README's "Where things live" table: folder to what lives there.</summary>
    private static Dictionary<string, string> WhereThingsLive()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var start = readme.IndexOf("## Where things live", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README.md has no section \"Where things live\"");
        var end = readme.IndexOf("\n## ", start, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)].Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|'))
            .ToDictionary(c => c[1].Trim().Trim('`'), c => c[2].Trim(), StringComparer.Ordinal);
    }
}
