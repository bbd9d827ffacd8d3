using System.Buffers.Binary;
using FfaConformance.Abi;
using FfaConformance.Scenarios;

namespace FfaConformance.Adapters.Linux.Companion;

/// <summary>The messages the harness writes to the companion's device on a board (CONF_MSG_*), encoded with the offsets of <see cref="Wire"/>.</summary>
internal static class CompanionMessages
{
    /// <summary>A case (struct conf_case): its steps, whether the board's secure world answers them, and the ID its events echo.</summary>
    public static byte[] Case(Scenario scenario, bool observe, uint id)
    {
        var message = new byte[Wire.CompanionCaseSize];
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(Wire.CompanionCaseKind), Wire.CompanionMessageCase);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(Wire.CompanionCaseCount), (uint)scenario.Steps.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(Wire.CompanionCaseFlags), observe ? Wire.CompanionCaseObserve : 0);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(Wire.CompanionCaseId), id);
        CompanionCase.Steps(scenario).CopyTo(message.AsSpan(Wire.CompanionCaseSteps));
        return message;
    }

    /// <summary>The answer to a call (struct conf_answer); with <paramref name="abort"/>, the case runs no further step.</summary>
    public static byte[] Answer(RegisterSet answer, bool abort)
    {
        var message = new byte[Wire.CompanionAnswerSize];
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(Wire.CompanionAnswerKind), Wire.CompanionMessageAnswer);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(Wire.CompanionAnswerAbort), abort ? 1u : 0u);
        var registers = answer.AsSpan();
        for (var i = 0; i < Wire.CompanionRegisters && i < registers.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(message.AsSpan(Wire.CompanionAnswerRegisters + (8 * i)), registers[i]);
        }

        return message;
    }

    /// <summary>Asks the companion to make an FF-A call from the writer's own task while a case's call is held (CONF_MSG_PING).</summary>
    public static byte[] Ping()
    {
        var message = new byte[Wire.CompanionAnswerSize];
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(Wire.CompanionAnswerKind), Wire.CompanionMessagePing);
        return message;
    }
}
