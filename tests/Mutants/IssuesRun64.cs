using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D2+D3: 0xC4000062 is resumed with 0xC400006D, IDs that exist only from v1.3.</summary>
public sealed class IssuesRun64(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override Reply Classify(RegisterSet answer, Convention convention) =>
        answer.W0 == FfaFunctions.Interrupt.Id(Convention.Smc64).Value ? Reply.Resume : base.Classify(answer, convention);

    protected override RegisterSet BuildRun(RegisterSet resumption) =>
        RegisterSet.Of(FfaFunctions.Run.Id(new FunctionId(resumption.W0).Convention).Value, resumption.X1);
}
