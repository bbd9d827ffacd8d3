using System.Buffers.Binary;
using FfaConformance.Abi;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Adapters.Qemu.Firmware;

/// <summary>
/// Our firmware's fw_mailbox (c/firmware/firmware.h): a whole case goes in — boot data and every step — and the
/// firmware runs it without stopping between steps; the header and each step's result come back in one read.
/// </summary>
internal static class CaseMailbox
{
    public const int MaxSteps = Wire.FirmwareMaxSteps;

    private const int HeaderLength = Wire.FirmwareResults;
    private const int ResultLength = Wire.FirmwareResultSize;
    private const int StepLength = Wire.FirmwareStepSize;
    private const int StepsOffset = Wire.FirmwareSteps;

    /// <summary>The firmware's capabilities (HARNESS_HAS_BOOT_ENTRY, HARNESS_HAS_REQ2, HARNESS_STATE_TOO_LARGE), written at its first boot.</summary>
    public static (int Offset, int Length) Capabilities => (Wire.FirmwareCapabilities, 4);

    /// <summary>'M' packets that hand the firmware a case.</summary>
    public static IReadOnlyList<string> Write(ulong mailbox, Scenario scenario, BootData boot)
    {
        var header = new byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)scenario.Steps.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), boot.EndpointId);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), boot.Version.Encoded);
        var steps = new byte[StepLength * scenario.Steps.Length];
        for (var i = 0; i < scenario.Steps.Length; i++)
        {
            var step = steps.AsSpan(StepLength * i);
            if (scenario.Steps[i] is Send2Step send2)
            {
                var request = send2.Request;
                BinaryPrimitives.WriteUInt32LittleEndian(step, Wire.FirmwareSend2);
                BinaryPrimitives.WriteUInt64LittleEndian(step[8..], request.Destination);
                request.Uuid.ToBytes().CopyTo(step[16..]);
                request.Message.ToBytes().CopyTo(step[32..]);
            }
            else if (scenario.SendAt(i) is { } send)
            {
                var request = send.Request;
                BinaryPrimitives.WriteUInt32LittleEndian(step, Wire.FirmwareSend);
                BinaryPrimitives.WriteUInt32LittleEndian(step[4..], Wire.Flags(send));
                BinaryPrimitives.WriteUInt64LittleEndian(step[8..], request.Destination);
                (request.Message ?? DirectMessage.Zero).ToBytes().CopyTo(step[16..]);
            }
            else if (scenario.Steps[i] is SetVirtualAddressMapStep)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(step, Wire.FirmwareSetVirtualAddressMap);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(step, Wire.FirmwareExitBootServices);
                BinaryPrimitives.WriteUInt32LittleEndian(step[4..], ((ExitBootServicesStep)scenario.Steps[i]).WithContext ? 1u : 0);
            }
        }

        var packets = new List<string> { GdbRemote.WriteMemoryPacket(mailbox, header) };
        for (var done = 0; done < steps.Length; done += 0x800)
        {
            packets.Add(GdbRemote.WriteMemoryPacket(mailbox + StepsOffset + (ulong)done, steps.AsSpan(done, Math.Min(0x800, steps.Length - done))));
        }

        return packets;
    }

    /// <summary>Bytes to read back after a case of <paramref name="steps"/> steps.</summary>
    public static int ReadLength(int steps) => HeaderLength + (ResultLength * steps);

    /// <summary>How far the firmware got: steps that ran to their end.</summary>
    public static int CompletedSteps(byte[] read) => (int)BinaryPrimitives.ReadUInt32LittleEndian(read.AsSpan(Wire.FirmwareCompleted));

    /// <summary>The outcomes of the steps that ran to their end, in order; a failure to begin is the first step's.</summary>
    public static IReadOnlyList<StepOutcome> Outcomes(byte[] read, Scenario scenario)
    {
        if (BinaryPrimitives.ReadUInt32LittleEndian(read.AsSpan(Wire.FirmwareBeginStatus)) == Wire.NoEvent)
        {
            return scenario.Steps.Length == 0 ? [] : [new Stopped(StopReason.Crashed, Wire.Failure(Wire.NoEvent))];
        }

        var outcomes = new List<StepOutcome>();
        for (var i = 0; i < Math.Min(CompletedSteps(read), scenario.Steps.Length); i++)
        {
            var result = read.AsSpan(HeaderLength + (ResultLength * i), ResultLength);
            if (BinaryPrimitives.ReadUInt32LittleEndian(result) is var status and not Wire.Ok)
            {
                outcomes.Add(new Stopped(StopReason.Crashed, Wire.Failure(status)));
            }
            else if (scenario.Steps[i] is Send2Step)
            {
                outcomes.Add(new Returned2(BinaryPrimitives.ReadInt64LittleEndian(result[Wire.FirmwareResultReturn..]), DirectMessage2.FromBytes(result[Wire.FirmwareResultMessage..])));
            }
            else if (scenario.SendAt(i) is { } send)
            {
                outcomes.Add(new Returned(BinaryPrimitives.ReadInt64LittleEndian(result[Wire.FirmwareResultReturn..]),
                    send.Request.Message is null ? null : DirectMessage.FromBytes(result[Wire.FirmwareResultMessage..])));
            }
            else
            {
                outcomes.Add(Completed.Instance);
            }
        }

        return outcomes;
    }
}
