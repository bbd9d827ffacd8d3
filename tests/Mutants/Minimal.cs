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

    /// <summary>A runtime request and its twin.</summary>
    public static Scenario Twins(TwinVariation variation, ulong parameter, params Answer[] answers) =>
        Scenario.Of(new BootState(0), Exit, new SendStep(Entry.Runtime, Request(), Script.Of(answers)), new TwinStep(1, variation, parameter));

    /// <summary>A case no single deviation of the C reference touches: one boot-time request, answered at once.</summary>
    public static Scenario Healthy => Scenario.Of(new BootState(0), new SendStep(Entry.BootTime, Request(), Script.Of(Response())));

    /// <summary>The only send of a scenario, whatever comes around it.</summary>
    public static SendStep OnlySend(Scenario scenario) => scenario.Steps.OfType<SendStep>().Single();
}
