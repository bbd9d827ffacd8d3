using FfaConformance.Abi;
using FfaConformance.Generators;
using FfaConformance.Rules;
using FfaConformance.Scenarios;
using FsCheck;
using FsCheck.Fluent;

namespace FfaConformance.Tests.Generators;

/// <summary>Arbitraries for the generator properties: a scenario from any rule's profile at any version.</summary>
public static class AnyScenario
{
    /// <summary>What the shrinker is told of a target that can take every case.</summary>
    public static readonly GenerationContext Context = new(PartitionTable.Default, FfaVersion.V1_2);

    public static Arbitrary<Scenario> Scenario() =>
        Arb.From(
            from rule in Gen.Elements(RuleCatalogue.All.ToArray())
            from version in Gen.Elements(FfaVersion.Known.ToArray())
            from scenario in ScenarioGen.For(rule.Info.Profile, new GenerationContext(PartitionTable.Default, version))
            select scenario,
            s => ScenarioShrinker.Shrink(s, Context));
}
