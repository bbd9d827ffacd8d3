using FfaConformance.Abi;
using FfaConformance.Generators;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Steps;

namespace FfaConformance.Tests.Mutants;

/// <summary>Building blocks of the minimal counterexamples the mutant tests expect: canonical values everywhere a deviation does not need something else.</summary>
internal static class Minimal
{
    public static readonly ushort First = PartitionTable.Default.First;

    public static readonly Answer Interrupt = ScenarioShrinker.CanonicalLink;

    public static DirectRequest Request(Convention convention = Convention.Smc32, DirectMessage? message = null) =>
        new(First, message ?? DirectMessage.Zero, convention);

    public static Answer Response(Convention convention = Convention.Smc32) => ScenarioShrinker.CanonicalFinal(convention);

    public static Answer Error(int code) => new ErrorAnswer(code, Convention.Smc32, X2Extension.Zero, 0, Noise.None);

    public static readonly ExitBootServicesStep Exit = new(true);

    /// <summary>One request on the runtime path, after ExitBootServices, boot ID 0.</summary>
    public static Scenario RuntimeSend(DirectRequest request, params Answer[] answers) =>
        Scenario.Of(new BootState(0), Exit, new SendStep(Entry.Runtime, request, Script.Of(answers)));

    public static Scenario RuntimeSend(params Answer[] answers) => RuntimeSend(Request(), answers);

    public static Answer Response2(DirectMessage2? payload = null) =>
        payload is null ? ScenarioShrinker.CanonicalFinal2 : (DirectResponse2Answer)ScenarioShrinker.CanonicalFinal2 with { Payload = payload };

    /// <summary>One REQ2 to the first partition, with its own UUID and a zero message unless given, after ExitBootServices, boot ID 0.</summary>
    public static Scenario RuntimeSend2(DirectMessage2? message, params Answer[] answers) =>
        Scenario.Of(new BootState(0), Exit,
            new Send2Step(new DirectRequest2(First, ServiceUuid.From(PartitionTable.Default.Partitions[0].Uuid), message ?? DirectMessage2.Zero), Script.Of(answers)));

    public static Scenario RuntimeSend2(params Answer[] answers) => RuntimeSend2(null, answers);

    /// <summary>A REQ2 message with one non-zero word.</summary>
    public static DirectMessage2 OneWord2(int index, ulong value) => DirectMessage2.Zero.With(index, value);

    /// <summary>A runtime request and its twin.</summary>
    public static Scenario Twins(TwinVariation variation, ulong parameter, params Answer[] answers) =>
        Scenario.Of(new BootState(0), Exit, new SendStep(Entry.Runtime, Request(), Script.Of(answers)), new TwinStep(1, variation, parameter));

    /// <summary>A case no single deviation of the C reference touches: one boot-time request, answered at once.</summary>
    public static Scenario Healthy => Scenario.Of(new BootState(0), new SendStep(Entry.BootTime, Request(), Script.Of(Response())));

    /// <summary>The only send of a scenario, whatever comes around it.</summary>
    public static SendStep OnlySend(Scenario scenario) => scenario.Steps.OfType<SendStep>().Single();
}
