using System.Text.Json;
using FfaConformance.Scenarios;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace FfaConformance.Tests.Generators;

/// <summary>A scenario the counterexample database keeps is the scenario it reads back, whatever the rule generated; a file that holds none is an error.</summary>
[TestFixture]
[Category("Fast")]
public sealed class ScenarioJsonProperties
{
    [Property(Arbitrary = new[] { typeof(AnyScenario) }, MaxTest = 500)]
    public bool EveryScenarioReadsBackAsItself(Scenario scenario) =>
        ScenarioJson.Read(JsonDocument.Parse(ScenarioJson.Write(scenario)).RootElement).Equals(scenario);

    [TestCase("""{"Boot":{"EndpointId":1},"Steps":[{"step":"no-such-step"}]}""")]
    [TestCase("""{"Boot":{"EndpointId":1}}""")]
    [TestCase("""{"Boot":{"EndpointId":1},"Steps":[{"step":"send","Entry":"Runtime","Request":{"Destination":1,"Message":null,"Convention":"Smc32"},"Script":{"Answers":[{"answer":"error"}]}}]}""")]
    public void WhatIsNoScenarioIsAnError(string json) =>
        Assert.Throws(Is.InstanceOf<JsonException>(), () => ScenarioJson.Read(JsonDocument.Parse(json).RootElement));
}
