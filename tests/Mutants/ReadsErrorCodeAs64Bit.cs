using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: the error code is x2 as a 64-bit value, so only sign-extending firmware maps right.</summary>
public sealed class ReadsErrorCodeAs64Bit(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override int ErrorCode(RegisterSet error) => (long)error.X2 is var code and >= int.MinValue and <= int.MaxValue ? (int)code : int.MinValue;
}
