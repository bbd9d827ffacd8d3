using FfaConformance.Abi;

namespace FfaConformance.Adapters.Emulator;

/// <summary>The SMCCC v1.2 conduit a managed transport calls: x0–x17 in, x0–x17 out.</summary>
public interface IConduit
{
    RegisterSet Call(ConduitKind kind, RegisterSet arguments);
}
