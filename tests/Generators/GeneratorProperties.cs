using FfaConformance.Abi;
using FfaConformance.Generators;
using FfaConformance.Rules;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace FfaConformance.Tests.Generators;

/// <summary>What generators promise: profiles are respected, answers become the registers the FF-A specification lays out.</summary>
[TestFixture]
[Category("Fast")]
public sealed class GeneratorProperties
{
    private static readonly GenerationContext Context = new(PartitionTable.Default, FfaVersion.V1_2);

    [Test]
    public void EveryProfileRespectsItsShape()
    {
        foreach (var rule in RuleCatalogue.All)
        {
            var profile = rule.Info.Profile;
            foreach (var scenario in ScenarioGen.For(profile, Context).Sample(200, 50))
            {
                var requests = scenario.Steps.Select((_, i) => scenario.RequestAt(i)).OfType<(ushort Destination, Script Script)>().ToArray();
                var sends2 = scenario.Steps.OfType<Send2Step>().Count();
                Assert.That(requests.Length, profile.Twins is null ? Is.InRange(profile.MinSends, profile.MaxSends) : Is.EqualTo(2), rule.Id);
                Assert.That(scenario.Steps.OfType<TwinStep>().Count(), Is.EqualTo(profile.Twins is null ? 0 : 1), rule.Id);
                Assert.That(sends2, profile.DirectRequest2Percent switch { 0 => Is.Zero, 100 => Is.EqualTo(requests.Length), _ => Is.InRange(0, requests.Length) }, rule.Id);
                Assert.That(requests.All(r => r.Script.Answers.Length <= profile.Chain.MaxDepth + 1), rule.Id);
                Assert.That(requests.Any(r => r.Script.Forever is not null), Is.EqualTo(profile.Endless), rule.Id);
            }
        }
    }

    /// <summary>
    /// A kept case the target cannot take is dropped unrun (GenerationContext.Refuses), so it must never refuse a case
    /// generated or shrunk for that same target by a rule that applies to it; and it does refuse what a target with
    /// more allows, or it checks nothing.
    /// </summary>
    [Test]
    public void WhatATargetAllowsIsNeverRefusedAndWhatItDoesNotIs()
    {
        TargetDescription Without(TargetCapabilities missing) =>
            new("narrow", "tests", FfaVersion.V1_2, TargetCapabilities.All & ~missing, new Provenance("tests"));
        TargetDescription[] narrow =
        [
            Without(TargetCapabilities.Smc32Request),
            Without(TargetCapabilities.BootEntry),
            Without(TargetCapabilities.AnyDestination),
            Without(TargetCapabilities.DirectRequest2),
            new("driver", "tests", FfaVersion.V1_2, TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.Smc32Request | TargetCapabilities.DirectRequest2, new Provenance("tests"))
            {
                FixedEndpointId = 0,
                OwnServiceUuidOnly = true,
            },
        ];
        var refusedSomewhere = new bool[narrow.Length];
        foreach (var rule in RuleCatalogue.All)
        {
            for (var i = 0; i < narrow.Length; i++)
            {
                var context = GenerationContext.For(PartitionTable.Default, narrow[i]);
                refusedSomewhere[i] |= ScenarioGen.For(rule.Info.Profile, Context).Sample(30, 20).Any(s => context.Refuses(s) is not null);
                if (rule.Info.Applicability.WhyNot(narrow[i]) is not null)
                {
                    continue;
                }

                foreach (var scenario in ScenarioGen.For(rule.Info.Profile, context).Sample(30, 20))
                {
                    Assert.That(context.Refuses(scenario), Is.Null, $"{rule.Id}: {scenario}");
                    foreach (var shrunk in ScenarioShrinker.Shrink(scenario, context))
                    {
                        Assert.That(context.Refuses(shrunk), Is.Null, $"{rule.Id}, shrunk: {shrunk}");
                    }
                }
            }
        }

        Assert.That(refusedSomewhere, Is.All.True, "each narrower target refuses some case a full one is given");
    }

    [Property]
    public Property Smc32ResponsesCarryTheirPayloadInTheLowHalves() =>
        Prop.ForAll(
            Arb.From(AnswerGen.Terminal(TerminalKind.Response, Convention.Smc32, noisePercent: 100)),
            answer =>
            {
                var response = (DirectResponseAnswer)answer;
                var registers = response.Materialize(new AnswerContext(0, 0x8001, RegisterSet.Zero));
                return registers.W0 == 0x84000070
                    && registers.W1 == 0x80010000
                    && Enumerable.Range(0, DirectMessage.Words).All(i => registers.W(3 + i) == (uint)response.Payload[i]);
            });

    [Property]
    public Property ErrorsCarryTheirCodeAsASigned32BitW2() =>
        Prop.ForAll(
            Arb.From(ValueGen.Weighted([new Weighted<TerminalKind>(TerminalKind.CoreError, 1), new(TerminalKind.UnknownErrorCode, 1)])
                .SelectMany(kind => AnswerGen.Terminal(kind, Convention.Smc32, 50))),
            answer => (int)answer.Materialize(new AnswerContext(0, 0x8001, RegisterSet.Zero)).W2 == ((ErrorAnswer)answer).Code);

    [Property]
    public Property TwinsDifferOnlyInTheirVariation() =>
        Prop.ForAll(
            Arb.From(ScenarioGen.For(Profiles.Twins(TwinVariation.X0UpperHalf, Profiles.ShortChains, TerminalKind.Response, TerminalKind.CoreError), Context)),
            scenario =>
            {
                var original = scenario.SendAt(1)!;
                var twin = scenario.SendAt(2)!;
                return twin.Request == original.Request
                    && twin.Script.Answers.Zip(original.Script.Answers).All(p =>
                        p.First with { Noise = p.Second.Noise } == p.Second && p.First.Noise.X0Upper != 0);
            });
}
