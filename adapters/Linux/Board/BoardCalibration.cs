using FfaConformance.Abi;
using FfaConformance.Adapters.Linux.Companion;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;

namespace FfaConformance.Adapters.Linux.Board;

/// <summary>
/// One request to the managed secure world's first partition, answered by the harness through the companion. Its
/// first call's w1[31:16] is the driver's own endpoint ID. While that call is held in the kernel, the agent's own
/// task asks the driver for FFA_PARTITION_INFO_GET of a board partition, which must reach the board's secure world:
/// a call of another task passes through while a case runs.
/// </summary>
internal static class BoardCalibration
{
    private static readonly RegisterSet NotSupported = RegisterSet.Of(FfaFunctions.Error.Id(Convention.Smc32).Value, 0, unchecked((uint)(int)FfaError.NotSupported));

    /// <summary>The driver's endpoint ID, and the driver's return value and the partition ID of the call that passed through.</summary>
    public static (ushort Endpoint, (int Return, ushort Partition) PassThrough) Run(BoardLink link, uint id)
    {
        link.Send(CompanionMessages.Case(Scenario.Of(new BootState(0), new SendStep(Entry.Runtime, new DirectRequest(PartitionTable.Default.First, DirectMessage.Zero, Convention.Smc32), Script.Of())), observe: false, id));
        ushort? endpoint = null;
        (int, ushort) passThrough = default;
        while (true)
        {
            var frame = link.Receive(BoardConnection.HelloTimeout)
                ?? throw new InvalidOperationException($"the companion did not run its first request within {BoardConnection.HelloTimeout.TotalSeconds:0} s");
            switch (CompanionEvent.Decode(frame))
            {
                case CompanionCall { Kind: Wire.CompanionEventCall } call when call.Id != id:
                    link.Send(CompanionMessages.Answer(CompanionCaseRun.Refusal, abort: true));
                    break;
                case CompanionCall { Kind: Wire.CompanionEventCall } call when endpoint is null:
                    endpoint = EndpointPair.Unpack(call.Issued.X1).Sender;
                    link.Send(CompanionMessages.Ping());
                    break;
                case CompanionPing ping:
                    passThrough = (ping.Return, ping.Partition);
                    link.Send(CompanionMessages.Answer(NotSupported, abort: false));
                    break;
                case CompanionCall { Kind: Wire.CompanionEventCall }:
                    link.Send(CompanionMessages.Answer(NotSupported, abort: false));
                    break;
                case CompanionDone done when done.Id != id:
                    break;
                case CompanionDone when endpoint is { } found:
                    return (found, passThrough);
                case var other:
                    throw new InvalidDataException($"the companion sent event {other.Kind} while running its first request{(other is CompanionFault fault ? $": {fault.Text}" : string.Empty)}");
            }
        }
    }
}
