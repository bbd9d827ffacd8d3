using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;

namespace FfaConformance.Adapters;

/// <summary>
/// The C side's numbers, once on the C# side: send flags, capabilities and failures (c/core/harness.h), the
/// host protocol's messages and shared-page layout (c/host/protocol.h), the firmware's mailbox and fault
/// record (c/firmware/firmware.h), the Linux companion module's calls and mailbox (c/linux/ffa_conformance.h). Every adapter reads them from here; tests/Native/WireContractTests.cs
/// compiles a program against the C headers and proves each one equal to what the C compiler sees.
/// </summary>
public static class Wire
{
    // c/core/harness.h
    public const uint SendSmc64 = 0x1;
    public const uint SendRuntime = 0x2;
    public const uint SendNullMessage = 0x4;
    public const uint HasBootEntry = 0x1;
    public const uint HasReq2 = 0x2;
    public const uint StateTooLarge = 0x8000_0000;
    public const uint Ok = 0;
    public const uint NoEvent = 1;
    public const uint NoBootEntry = 2;
    public const uint NoReq2 = 3;
    public const int Req2Words = DirectMessage2.Words;

    // c/host/protocol.h
    public const uint HostBegin = 1;
    public const uint HostSend = 2;
    public const uint HostExitBootServices = 3;
    public const uint HostAnswer = 4;
    public const uint HostStop = 5;
    public const uint HostQuit = 6;
    public const uint HostSend2 = 7;
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
    public const uint FirmwareSend2 = 7;
    public const uint FirmwareSetVirtualAddressMap = 8;
    public const int FirmwareMaxSteps = 32;
    public const int FirmwareStepSize = 144;
    public const int FirmwareResultSize = 120;
    public const int FirmwareCapabilities = 12;
    public const int FirmwareBeginStatus = 16;
    public const int FirmwareCompleted = 20;
    public const int FirmwareResults = 32;
    public const int FirmwareSteps = FirmwareResults + (FirmwareResultSize * FirmwareMaxSteps);
    public const int FaultRecordSize = 40;
    public const int FaultRecordMap = 32;
    public const ulong MapBoot = 0;
    public const ulong MapRuntime = 1;
    public const ulong MapVirtual = 2;
    public const ulong VirtualOffset = 0xFFFF_FFBF_C000_0000;
    public const int RelocationSize = 24;
    public const int MaxRelocations = 1024;
    public const int VirtualMapRelocations = 16;

    // c/linux/ffa_conformance.h
    public const ulong CompanionHello = 0x8300_ffa0;
    public const ulong CompanionFault = 0x8300_ffa1;
    public const uint CompanionSend = 2;
    public const uint CompanionSend2 = 7;
    public const uint CompanionSmc64 = 0x1;
    public const uint CompanionOk = 0;
    public const uint CompanionNoDevice = 1;
    public const uint CompanionAborted = 2;
    public const uint CompanionNoReq2 = 3;
    public const int CompanionMaxSteps = 32;
    public const int CompanionPayload = 14;
    public const int CompanionRunning = 4;
    public const int CompanionCompleted = 8;
    public const int CompanionAbort = 12;
    public const int CompanionDevices = 16;
    public const int CompanionHeader = 24;
    public const int CompanionFaultText = 32;
    public const int CompanionFaultTextSize = 256;
    public const int CompanionResults = 288;
    public const int CompanionResultSize = 120;
    public const int CompanionStepSize = 144;
    public const int CompanionUuid = 128;
    public const int CompanionSteps = CompanionResults + (CompanionResultSize * CompanionMaxSteps);

    // Board mode: the companion's device, relayed by ffa_agent (c/linux/ffa_conformance.h).
    public const uint CompanionMessageCase = 1;
    public const uint CompanionMessageAnswer = 2;
    public const uint CompanionMessagePing = 3;
    public const uint CompanionEventHello = 1;
    public const uint CompanionEventCall = 2;
    public const uint CompanionEventObserved = 3;
    public const uint CompanionEventDone = 4;
    public const uint CompanionEventFault = 5;
    public const uint CompanionEventPing = 6;
    public const uint CompanionCaseObserve = 0x1;
    public const uint CompanionConduitSmc = 0;
    public const uint CompanionConduitHvc = 1;
    public const int CompanionRegisters = 18;
    public const int CompanionMaxPartitions = 8;
    public const uint CompanionPartitionStandIn = 0x1;
    public const int CompanionCaseId = 12;
    public const int CompanionCaseSteps = 16;
    public const int CompanionCaseSize = CompanionCaseSteps + (CompanionStepSize * CompanionMaxSteps);
    public const int CompanionAnswerRegisters = 8;
    public const int CompanionAnswerSize = CompanionAnswerRegisters + (8 * CompanionRegisters);
    public const int CompanionEventId = 12;
    public const int CompanionEventArgs = 16;
    public const int CompanionEventRes = CompanionEventArgs + (8 * CompanionRegisters);
    public const int CompanionEventSize = CompanionEventRes + (8 * CompanionRegisters);
    public const int CompanionHelloFaulted = 12;
    public const int CompanionHelloPartitions = 16;
    public const int CompanionPartitionSize = 24;
    public const int CompanionPartitionUuid = 8;
    public const int CompanionHelloSize = CompanionHelloPartitions + (CompanionPartitionSize * CompanionMaxPartitions);
    public const int CompanionDoneId = 8;
    public const int CompanionDoneResults = 16;
    public const int CompanionDoneSize = CompanionDoneResults + (CompanionResultSize * CompanionMaxSteps);
    public const int CompanionFaultEventText = 4;
    public const int CompanionFaultEventSize = CompanionFaultEventText + CompanionFaultTextSize;

    /// <summary>The HARNESS_SEND_* flags of a send step, as the native host and the firmware take them.</summary>
    public static uint Flags(SendStep step) =>
        (step.Request.Convention == Convention.Smc64 ? SendSmc64 : 0)
        | (step.Entry == Entry.Runtime ? SendRuntime : 0)
        | (step.Request.Message is null ? SendNullMessage : 0);

    /// <summary>What a transport's harness capability flags (sent at start) let a harness-driven target do besides the basics.</summary>
    public static TargetCapabilities Grants(uint capabilities) =>
        ((capabilities & HasBootEntry) != 0 ? TargetCapabilities.BootEntry : TargetCapabilities.None)
        | ((capabilities & HasReq2) != 0 ? TargetCapabilities.DirectRequest2 : TargetCapabilities.None);

    /// <summary>Why a harness could not run a step, from its HARNESS_* failure.</summary>
    public static string Failure(uint failure) => failure switch
    {
        NoEvent => "the transport registered no ExitBootServices event when probed",
        NoBootEntry => "the transport has no boot-time entry (ffa_invoke_msg_send_direct_req)",
        NoReq2 => "the transport has no REQ2 entry (ffa_sync_send_receive2_runtime)",
        _ => $"the harness reported failure {failure}",
    };

    /// <summary>Each value under the name the C side gives it (a macro, an enumerator, or sizeof/offsetof of a struct).</summary>
    public static IReadOnlyDictionary<string, long> Values { get; } = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["HARNESS_SEND_SMC64"] = SendSmc64,
        ["HARNESS_SEND_RUNTIME"] = SendRuntime,
        ["HARNESS_SEND_NULL_MESSAGE"] = SendNullMessage,
        ["HARNESS_HAS_BOOT_ENTRY"] = HasBootEntry,
        ["HARNESS_HAS_REQ2"] = HasReq2,
        ["HARNESS_STATE_TOO_LARGE"] = StateTooLarge,
        ["HARNESS_OK"] = Ok,
        ["HARNESS_NO_EVENT"] = NoEvent,
        ["HARNESS_NO_BOOT_ENTRY"] = NoBootEntry,
        ["HARNESS_NO_REQ2"] = NoReq2,
        ["HARNESS_REQ2_WORDS"] = Req2Words,
        ["FFA_HOST_BEGIN"] = HostBegin,
        ["FFA_HOST_SEND"] = HostSend,
        ["FFA_HOST_EXIT_BOOT_SERVICES"] = HostExitBootServices,
        ["FFA_HOST_ANSWER"] = HostAnswer,
        ["FFA_HOST_STOP"] = HostStop,
        ["FFA_HOST_QUIT"] = HostQuit,
        ["FFA_HOST_SEND2"] = HostSend2,
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
        ["FW_SEND2"] = FirmwareSend2,
        ["FW_MAX_STEPS"] = FirmwareMaxSteps,
        ["sizeof(struct fw_step)"] = FirmwareStepSize,
        ["sizeof(struct fw_result)"] = FirmwareResultSize,
        ["offsetof(struct fw_mailbox, capabilities)"] = FirmwareCapabilities,
        ["offsetof(struct fw_mailbox, begin_status)"] = FirmwareBeginStatus,
        ["offsetof(struct fw_mailbox, completed)"] = FirmwareCompleted,
        ["offsetof(struct fw_mailbox, result)"] = FirmwareResults,
        ["offsetof(struct fw_mailbox, step)"] = FirmwareSteps,
        ["sizeof(struct fw_fault)"] = FaultRecordSize,
        ["offsetof(struct fw_fault, map)"] = FaultRecordMap,
        ["FW_SET_VIRTUAL_ADDRESS_MAP"] = FirmwareSetVirtualAddressMap,
        ["FW_MAP_BOOT"] = (long)MapBoot,
        ["FW_MAP_RUNTIME"] = (long)MapRuntime,
        ["FW_MAP_VIRTUAL"] = (long)MapVirtual,
        ["FW_VIRTUAL_OFFSET"] = unchecked((long)VirtualOffset),
        ["sizeof(struct fw_relocation)"] = RelocationSize,
        ["FW_MAX_RELOCATIONS"] = MaxRelocations,
        ["offsetof(struct fw_virtual_map, relocation)"] = VirtualMapRelocations,
        ["CONF_HELLO"] = (long)CompanionHello,
        ["CONF_FAULT"] = (long)CompanionFault,
        ["CONF_SEND"] = CompanionSend,
        ["CONF_SEND2"] = CompanionSend2,
        ["CONF_SMC64"] = CompanionSmc64,
        ["CONF_OK"] = CompanionOk,
        ["CONF_NO_DEVICE"] = CompanionNoDevice,
        ["CONF_ABORTED"] = CompanionAborted,
        ["CONF_NO_REQ2"] = CompanionNoReq2,
        ["CONF_MAX_STEPS"] = CompanionMaxSteps,
        ["CONF_PAYLOAD"] = CompanionPayload,
        ["CONF_FAULT_TEXT"] = CompanionFaultTextSize,
        ["offsetof(struct conf_mailbox, running)"] = CompanionRunning,
        ["offsetof(struct conf_mailbox, completed)"] = CompanionCompleted,
        ["offsetof(struct conf_mailbox, abort)"] = CompanionAbort,
        ["offsetof(struct conf_mailbox, devices)"] = CompanionDevices,
        ["offsetof(struct conf_mailbox, pad)"] = CompanionHeader,
        ["offsetof(struct conf_mailbox, fault_text)"] = CompanionFaultText,
        ["offsetof(struct conf_mailbox, result)"] = CompanionResults,
        ["sizeof(struct conf_result)"] = CompanionResultSize,
        ["sizeof(struct conf_step)"] = CompanionStepSize,
        ["offsetof(struct conf_step, uuid)"] = CompanionUuid,
        ["offsetof(struct conf_mailbox, step)"] = CompanionSteps,
        ["CONF_MSG_CASE"] = CompanionMessageCase,
        ["CONF_MSG_ANSWER"] = CompanionMessageAnswer,
        ["CONF_MSG_PING"] = CompanionMessagePing,
        ["CONF_EV_HELLO"] = CompanionEventHello,
        ["CONF_EV_CALL"] = CompanionEventCall,
        ["CONF_EV_OBSERVED"] = CompanionEventObserved,
        ["CONF_EV_DONE"] = CompanionEventDone,
        ["CONF_EV_FAULT"] = CompanionEventFault,
        ["CONF_EV_PING"] = CompanionEventPing,
        ["CONF_CASE_OBSERVE"] = CompanionCaseObserve,
        ["CONF_CONDUIT_SMC"] = CompanionConduitSmc,
        ["CONF_CONDUIT_HVC"] = CompanionConduitHvc,
        ["CONF_REGS"] = CompanionRegisters,
        ["CONF_MAX_PARTITIONS"] = CompanionMaxPartitions,
        ["CONF_PARTITION_STAND_IN"] = CompanionPartitionStandIn,
        ["offsetof(struct conf_case, id)"] = CompanionCaseId,
        ["offsetof(struct conf_case, step)"] = CompanionCaseSteps,
        ["sizeof(struct conf_case)"] = CompanionCaseSize,
        ["offsetof(struct conf_answer, a)"] = CompanionAnswerRegisters,
        ["sizeof(struct conf_answer)"] = CompanionAnswerSize,
        ["offsetof(struct conf_event, id)"] = CompanionEventId,
        ["offsetof(struct conf_event, args)"] = CompanionEventArgs,
        ["offsetof(struct conf_event, res)"] = CompanionEventRes,
        ["sizeof(struct conf_event)"] = CompanionEventSize,
        ["offsetof(struct conf_hello, faulted)"] = CompanionHelloFaulted,
        ["offsetof(struct conf_hello, partition)"] = CompanionHelloPartitions,
        ["sizeof(struct conf_partition)"] = CompanionPartitionSize,
        ["offsetof(struct conf_partition, uuid)"] = CompanionPartitionUuid,
        ["sizeof(struct conf_hello)"] = CompanionHelloSize,
        ["offsetof(struct conf_done, id)"] = CompanionDoneId,
        ["offsetof(struct conf_done, result)"] = CompanionDoneResults,
        ["sizeof(struct conf_done)"] = CompanionDoneSize,
        ["offsetof(struct conf_fault, text)"] = CompanionFaultEventText,
        ["sizeof(struct conf_fault)"] = CompanionFaultEventSize,
    };
}
