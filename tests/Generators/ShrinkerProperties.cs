using FfaConformance.Generators;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace FfaConformance.Tests.Generators;

/// <summary>Shrinking users can trust: it ends, every step changes something, and twins stay twins.</summary>
[TestFixture]
[Category("Fast")]
public sealed class ShrinkerProperties
{
    [Property(Arbitrary = new[] { typeof(AnyScenario) }, MaxTest = 200)]
    public bool NoCandidateIsTheScenarioItself(Scenario scenario) =>
        ScenarioShrinker.Shrink(scenario, PartitionTable.Default).All(candidate => !candidate.Equals(scenario));

    /// <summary>Following any chain of candidates ends: each step moves down a well-founded order, so FsCheck cannot cycle.</summary>
    [Property(Arbitrary = new[] { typeof(AnyScenario) }, MaxTest = 200)]
    public bool EveryShrinkPathEnds(Scenario scenario, int seed)
    {
        var random = new Random(seed);
        for (var steps = 0; steps < 10_000; steps++)
        {
            var candidates = ScenarioShrinker.Shrink(scenario, PartitionTable.Default).ToArray();
            if (candidates.Length == 0)
            {
                return true;
            }

            scenario = candidates[random.Next(candidates.Length)];
        }

        return false;
    }

    [Property(Arbitrary = new[] { typeof(AnyScenario) }, MaxTest = 200)]
    public bool TwinsAlwaysPointAtASendBeforeThem(Scenario scenario) =>
        ScenarioShrinker.Shrink(scenario, PartitionTable.Default).Append(scenario).All(s =>
            s.Steps.Select((step, i) => (step, i)).All(p => p.step is not TwinStep twin || (twin.Of < p.i && s.Steps[twin.Of] is SendStep)));
}
