using System.Text.Json.Serialization;

namespace FfaConformance.Scenarios.Steps;

/// <summary>One thing a scenario does to the target, in order.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "step")]
[JsonDerivedType(typeof(SendStep), "send")]
[JsonDerivedType(typeof(Send2Step), "send2")]
[JsonDerivedType(typeof(TwinStep), "twin")]
[JsonDerivedType(typeof(ExitBootServicesStep), "exit-boot-services")]
[JsonDerivedType(typeof(SetVirtualAddressMapStep), "set-virtual-address-map")]
public abstract record Step;
