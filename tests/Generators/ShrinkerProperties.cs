using FfaConformance.Abi;
using FfaConformance.Generators;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Answers;
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
        ScenarioShrinker.Shrink(scenario, AnyScenario.Context).All(candidate => !candidate.Equals(scenario));

    /// <summary>Following any chain of candidates ends: each step moves down a well-founded order, so FsCheck cannot cycle.</summary>
    [Property(Arbitrary = new[] { typeof(AnyScenario) }, MaxTest = 200)]
    public bool EveryShrinkPathEnds(Scenario scenario, int seed)
    {
        var random = new Random(seed);
        for (var steps = 0; steps < 10_000; steps++)
        {
            var candidates = ScenarioShrinker.Shrink(scenario, AnyScenario.Context).ToArray();
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
        ScenarioShrinker.Shrink(scenario, AnyScenario.Context).Append(scenario).All(s =>
            s.Steps.Select((step, i) => (step, i)).All(p => p.step is not TwinStep twin || (twin.Of < p.i && s.Steps[twin.Of] is SendStep)));

    /// <summary>An OS calls SetVirtualAddressMap only after ExitBootServices; no shrink step makes a case where it does not.</summary>
    [Property(Arbitrary = new[] { typeof(AnyScenario) }, MaxTest = 200)]
    public bool SetVirtualAddressMapKeepsItsExitBootServices(Scenario scenario) =>
        ScenarioShrinker.Shrink(scenario, AnyScenario.Context).Append(scenario).All(s =>
            s.Steps.Select((step, i) => (step, i)).All(p => p.step is not SetVirtualAddressMapStep || s.ExitBootServicesBefore(p.i) is not null));

    /// <summary>
    /// An entry that takes no width (edk2's) is asked only SMC64 requests; shrinking keeps them SMC64, or the minimal
    /// case would be one the target cannot take.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(AnyScenario) }, MaxTest = 200)]
    public bool ATargetWithoutSmc32IsNeverShrunkToIt(Scenario scenario)
    {
        var smc64Only = AnyScenario.Context with { Smc32Request = false };
        var wide = scenario with { Steps = [.. scenario.Steps.Select(s => s is SendStep send ? send with { Request = send.Request with { Convention = Convention.Smc64 } } : s)] };

        return ScenarioShrinker.Shrink(wide, smc64Only).All(s => s.Steps.OfType<SendStep>().All(send => send.Request.Convention == Convention.Smc64));
    }

    /// <summary>
    /// Found on the seed in QEMU: a yield whose low half alone made the seed fail (0xFFFFFFFF, read as NOT_SUPPORTED)
    /// kept a random high half, since zeroing both made it pass. Each half shrinks on its own.
    /// </summary>
    [Test]
    public void AYieldTimeoutShrinksEachHalfOnItsOwn()
    {
        var yield = new YieldAnswer(Convention.Smc32, null, 0, 0xFFFF_FFFF, 0xF7A9_5572, Noise.None);

        Assert.That(AnswerShrinker.Shrink(yield).OfType<YieldAnswer>().Select(y => (y.TimeoutLow, y.TimeoutHigh)),
            Is.SupersetOf(new[] { (0u, 0u), (0xFFFF_FFFFu, 0u), (0u, 0xF7A9_5572u) }));
    }
}
