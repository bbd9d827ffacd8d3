using System.Buffers.Binary;
using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Adapters.Linux.Companion;

/// <summary>
/// A case as the companion module takes it and gives it back, wherever it runs (a QEMU guest's mailbox, a board's
/// device): the steps as struct conf_step, the outcomes from struct conf_result (c/linux/ffa_conformance.h).
/// </summary>
internal static class CompanionCase
{
    /// <summary>The scenario's steps as struct conf_step[]: sends with their width, REQ2 sends with their UUID; other steps are left zero.</summary>
    public static byte[] Steps(Scenario scenario)
    {
        var steps = new byte[Wire.CompanionStepSize * scenario.Steps.Length];
        for (var i = 0; i < scenario.Steps.Length; i++)
        {
            var step = steps.AsSpan(Wire.CompanionStepSize * i);
            if (scenario.Steps[i] is Send2Step send2)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(step[Wire.CompanionStepKind..], Wire.CompanionSend2);
                BinaryPrimitives.WriteUInt64LittleEndian(step[Wire.CompanionStepDestination..], send2.Request.Destination);
                send2.Request.Message.ToBytes().CopyTo(step[Wire.CompanionStepPayload..]);
                send2.Request.Uuid.ToBytes().CopyTo(step[Wire.CompanionUuid..]);
            }
            else if (scenario.SendAt(i) is { } send)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(step[Wire.CompanionStepKind..], Wire.CompanionSend);
                BinaryPrimitives.WriteUInt32LittleEndian(step[Wire.CompanionStepFlags..], send.Request.Convention == Convention.Smc64 ? Wire.CompanionSmc64 : 0);
                BinaryPrimitives.WriteUInt64LittleEndian(step[Wire.CompanionStepDestination..], send.Request.Destination);
                (send.Request.Message ?? DirectMessage.Zero).ToBytes().CopyTo(step[Wire.CompanionStepPayload..]);
            }
        }

        return steps;
    }

    /// <summary>
    /// The outcomes of the first <paramref name="completed"/> steps from <paramref name="results"/> (struct
    /// conf_result[]), then the stop order's, if there was one.
    /// </summary>
    public static IReadOnlyList<StepOutcome> Outcomes(ReadOnlySpan<byte> results, int completed, Scenario scenario, (int Step, Stopped Order)? stop)
    {
        var outcomes = new List<StepOutcome>();
        for (var i = 0; i < Math.Min(completed, scenario.Steps.Length) && i != stop?.Step; i++)
        {
            var result = results.Slice(Wire.CompanionResultSize * i, Wire.CompanionResultSize);
            var status = BinaryPrimitives.ReadUInt32LittleEndian(result[Wire.CompanionResultStatus..]);
            var returned = BinaryPrimitives.ReadInt32LittleEndian(result[Wire.CompanionResultReturn..]);
            var payload = result[Wire.CompanionResultPayload..];
            var destination = scenario.RequestAt(i)?.Destination;
            outcomes.Add(status switch
            {
                Wire.CompanionOk when scenario.Steps[i] is Send2Step => new Returned2(returned, DirectMessage2.FromBytes(payload)),
                Wire.CompanionOk when destination is not null => new Returned(returned, DirectMessage.FromBytes(payload)),
                Wire.CompanionOk => Completed.Instance,
                Wire.CompanionNoReq2 => new Stopped(StopReason.Crashed, $"the companion could not run step {i + 1}: the driver's API has no sync_send_receive2"),
                _ => new Stopped(StopReason.Crashed, $"the companion could not run step {i + 1} (status {status}): the driver registered no device for 0x{destination:X4}"),
            });
        }

        if (stop is { } s)
        {
            outcomes.Add(s.Order);
        }

        return outcomes;
    }
}
