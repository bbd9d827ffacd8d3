using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;

namespace FfaConformance.Adapters;

/// <summary>
/// The C side's numbers, once on the C# side: send flags, capabilities and failures (c/core/harness.h), the
/// host protocol's messages and shared-page layout (c/host/protocol.h), the firmware's mailbox and fault
/// record (c/firmware/firmware.h). Every adapter reads them from here; tests/Native/WireContractTests.cs
/// compiles a program against the C headers and proves each one equal to what the C compiler sees.
/// </summary>
public static class Wire
{
    // c/core/harness.h
    public const uint SendSmc64 = 0x1;
    public const uint SendRuntime = 0x2;
    public const uint SendNullMessage = 0x4;
    public const uint HasBootEntry = 0x1;
    public const uint StateTooLarge = 0x8000_0000;
    public const uint Ok = 0;
    public const uint NoEvent = 1;
    public const uint NoBootEntry = 2;

    // c/host/protocol.h
    public const uint HostBegin = 1;
    public const uint HostSend = 2;
    public const uint HostExitBootServices = 3;
    public const uint HostAnswer = 4;
    public const uint HostStop = 5;
    public const uint HostQuit = 6;
    public const uint HostHello = 16;
    public const uint HostCall = 17;
    public const uint HostReturned = 18;
    public const uint HostDone = 19;
    public const uint HostStopped = 20;
    public const uint HostFailed = 21;
    public const int HostRecordSize = 8 + (8 * 18);
    public const int MailboxSequence = 0;
    public const int MailboxWaiting = 4;
    public const int MailboxRecord = 64;
    public const int ToHostOffset = 0;
    public const int ToHarnessOffset = 512;
    public const int SharedSize = 4096;

    // c/firmware/firmware.h
    public const uint FirmwareSend = 2;
    public const uint FirmwareExitBootServices = 3;
    public const int FirmwareMaxSteps = 32;
    public const int FirmwareStepSize = 56;
    public const int FirmwareResultSize = 48;
    public const int FirmwareCapabilities = 12;
    public const int FirmwareBeginStatus = 16;
    public const int FirmwareCompleted = 20;
    public const int FirmwareResults = 32;
    public const int FirmwareSteps = FirmwareResults + (FirmwareResultSize * FirmwareMaxSteps);
    public const int FaultRecordSize = 40;

    /// <summary>The HARNESS_SEND_* flags of a send step, as the native host and the firmware take them.</summary>
    public static uint Flags(SendStep step) =>
        (step.Request.Convention == Convention.Smc64 ? SendSmc64 : 0)
        | (step.Entry == Entry.Runtime ? SendRuntime : 0)
        | (step.Request.Message is null ? SendNullMessage : 0);

    /// <summary>Each value under the name the C side gives it (a macro, an enumerator, or sizeof/offsetof of a struct).</summary>
    public static IReadOnlyDictionary<string, long> Values { get; } = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["HARNESS_SEND_SMC64"] = SendSmc64,
        ["HARNESS_SEND_RUNTIME"] = SendRuntime,
        ["HARNESS_SEND_NULL_MESSAGE"] = SendNullMessage,
        ["HARNESS_HAS_BOOT_ENTRY"] = HasBootEntry,
        ["HARNESS_STATE_TOO_LARGE"] = StateTooLarge,
        ["HARNESS_OK"] = Ok,
        ["HARNESS_NO_EVENT"] = NoEvent,
        ["HARNESS_NO_BOOT_ENTRY"] = NoBootEntry,
        ["FFA_HOST_BEGIN"] = HostBegin,
        ["FFA_HOST_SEND"] = HostSend,
        ["FFA_HOST_EXIT_BOOT_SERVICES"] = HostExitBootServices,
        ["FFA_HOST_ANSWER"] = HostAnswer,
        ["FFA_HOST_STOP"] = HostStop,
        ["FFA_HOST_QUIT"] = HostQuit,
        ["FFA_HOST_HELLO"] = HostHello,
        ["FFA_HOST_CALL"] = HostCall,
        ["FFA_HOST_RETURNED"] = HostReturned,
        ["FFA_HOST_DONE"] = HostDone,
        ["FFA_HOST_STOPPED"] = HostStopped,
        ["FFA_HOST_FAILED"] = HostFailed,
        ["sizeof(struct ffa_host_record)"] = HostRecordSize,
        ["offsetof(struct ffa_host_mailbox, seq)"] = MailboxSequence,
        ["offsetof(struct ffa_host_mailbox, waiting)"] = MailboxWaiting,
        ["offsetof(struct ffa_host_mailbox, record)"] = MailboxRecord,
        ["FFA_HOST_TO_HOST_OFFSET"] = ToHostOffset,
        ["FFA_HOST_TO_HARNESS_OFFSET"] = ToHarnessOffset,
        ["FFA_HOST_SHARED_SIZE"] = SharedSize,
        ["FW_SEND"] = FirmwareSend,
        ["FW_EXIT_BOOT_SERVICES"] = FirmwareExitBootServices,
        ["FW_MAX_STEPS"] = FirmwareMaxSteps,
        ["sizeof(struct fw_step)"] = FirmwareStepSize,
        ["sizeof(struct fw_result)"] = FirmwareResultSize,
        ["offsetof(struct fw_mailbox, capabilities)"] = FirmwareCapabilities,
        ["offsetof(struct fw_mailbox, begin_status)"] = FirmwareBeginStatus,
        ["offsetof(struct fw_mailbox, completed)"] = FirmwareCompleted,
        ["offsetof(struct fw_mailbox, result)"] = FirmwareResults,
        ["offsetof(struct fw_mailbox, step)"] = FirmwareSteps,
        ["sizeof(struct fw_fault)"] = FaultRecordSize,
    };
}
