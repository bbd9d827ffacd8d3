using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: x3–x7 of whatever came back are copied into the message before the error is returned.</summary>
public sealed class WritesMessageOnError(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    private RegisterSet last = RegisterSet.Zero;

    protected override RegisterSet Call(RegisterSet arguments) => last = base.Call(arguments);

    protected override int Send(ushort self, ushort destination, MessageBuffer? message, Convention convention)
    {
        var result = base.Send(self, destination, message, convention);
        if (result < 0 && message is not null)
        {
            message.Value = DirectMessage.FromPayloadRegisters(last);
        }

        return result;
    }
}
