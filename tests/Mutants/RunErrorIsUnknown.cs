using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: the resume loop only expects responses, so FFA_ERROR after FFA_RUN becomes the catch-all.</summary>
public sealed class RunErrorIsUnknown(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    private bool resumed;

    protected override RegisterSet Call(RegisterSet arguments)
    {
        resumed = FfaFunctions.Run.Matches(arguments.W0);
        return base.Call(arguments);
    }

    protected override int MapError(int code) => resumed ? -(int)ErrnoTable.Unknown : base.MapError(code);
}
