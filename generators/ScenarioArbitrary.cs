using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Profiles;
using FsCheck;
using FsCheck.Fluent;

namespace FfaConformance.Generators;

/// <summary>The FsCheck arbitrary of scenarios for a profile: <see cref="ScenarioGen"/> with <see cref="ScenarioShrinker"/>.</summary>
public static class ScenarioArbitrary
{
    public static Arbitrary<Scenario> For(ScenarioProfile profile, GenerationContext context) =>
        Arb.From(ScenarioGen.For(profile, context), scenario => ScenarioShrinker.Shrink(scenario, context));
}
