using FfaConformance.Rules.Model;

namespace FfaConformance.Rules;

/// <summary>
/// Every rule, found by reflection so that the rule's own file is the only list: adding a rule is adding a
/// file named by its ID under its area's folder.
/// </summary>
public static class RuleCatalogue
{
    public static readonly IReadOnlyList<Rule> All = typeof(RuleCatalogue).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(Rule)))
        .Select(t => (Rule)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Info.Area)
        .ThenBy(r => r.Id, StringComparer.Ordinal)
        .ToArray();

    private static readonly Dictionary<string, Rule> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static Rule Get(string id) =>
        ById.TryGetValue(id, out var rule) ? rule : throw new KeyNotFoundException($"no rule '{id}'; known: {string.Join(", ", ById.Keys)}");

    public static bool TryGet(string id, out Rule rule) => ById.TryGetValue(id, out rule!);
}
