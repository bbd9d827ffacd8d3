namespace FfaConformance.Abi;

/// <summary>The instruction a call was issued with. FF-A clients on arm64 use one conduit for a whole chain.</summary>
public enum ConduitKind
{
    Smc,
    Hvc,
}
