using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;

namespace FfaConformance.Adapters;

/// <summary>
/// The C side's numbers, once on the C# side: send flags, capabilities and failures (c/core/harness.h), the
/// host protocol's messages and shared-page layout (c/host/protocol.h), the firmware's mailbox and fault
/// record (c/firmware/firmware.h), the Linux companion module's calls, mailbox and board frames
/// (c/linux/ffa_conformance.h). Every adapter reads them from here. Each carries the name the C side gives it;
/// tests/Native/WireContractTests.cs writes a program from those names, compiles it against the C headers and
/// proves each number equal to what the C compiler sees.
/// </summary>
public static class Wire
{
    // c/core/harness.h
    [CName("HARNESS_SEND_SMC64")]
    public const uint SendSmc64 = 0x1;
    [CName("HARNESS_SEND_RUNTIME")]
    public const uint SendRuntime = 0x2;
    [CName("HARNESS_SEND_NULL_MESSAGE")]
    public const uint SendNullMessage = 0x4;
    [CName("HARNESS_HAS_BOOT_ENTRY")]
    public const uint HasBootEntry = 0x1;
    [CName("HARNESS_HAS_REQ2")]
    public const uint HasReq2 = 0x2;
    [CName("HARNESS_HAS_LIFECYCLE")]
    public const uint HasLifecycle = 0x4;
    [CName("HARNESS_TAKES_WIDTH")]
    public const uint TakesWidth = 0x8;
    [CName("HARNESS_STATE_TOO_LARGE")]
    public const uint StateTooLarge = 0x8000_0000;
    [CName("HARNESS_OK")]
    public const uint Ok = 0;
    [CName("HARNESS_NO_EVENT")]
    public const uint NoEvent = 1;
    [CName("HARNESS_NO_BOOT_ENTRY")]
    public const uint NoBootEntry = 2;
    [CName("HARNESS_NO_REQ2")]
    public const uint NoReq2 = 3;
    [CName("HARNESS_NO_SMC32")]
    public const uint NoSmc32 = 4;
    [CName("HARNESS_REQ2_WORDS")]
    public const int Req2Words = DirectMessage2.Words;

    // c/host/protocol.h
    [CName("FFA_HOST_BEGIN")]
    public const uint HostBegin = 1;
    [CName("FFA_HOST_SEND")]
    public const uint HostSend = 2;
    [CName("FFA_HOST_EXIT_BOOT_SERVICES")]
    public const uint HostExitBootServices = 3;
    [CName("FFA_HOST_ANSWER")]
    public const uint HostAnswer = 4;
    [CName("FFA_HOST_STOP")]
    public const uint HostStop = 5;
    [CName("FFA_HOST_QUIT")]
    public const uint HostQuit = 6;
    [CName("FFA_HOST_SEND2")]
    public const uint HostSend2 = 7;
    [CName("FFA_HOST_RESULT_WORD")]
    public const int HostResultWord = 17;
    [CName("FFA_HOST_HELLO")]
    public const uint HostHello = 16;
    [CName("FFA_HOST_CALL")]
    public const uint HostCall = 17;
    [CName("FFA_HOST_RETURNED")]
    public const uint HostReturned = 18;
    [CName("FFA_HOST_DONE")]
    public const uint HostDone = 19;
    [CName("FFA_HOST_STOPPED")]
    public const uint HostStopped = 20;
    [CName("FFA_HOST_FAILED")]
    public const uint HostFailed = 21;
    [CName("sizeof(struct ffa_host_record)")]
    public const int HostRecordSize = 8 + (8 * 18);
    [CName("offsetof(struct ffa_host_mailbox, seq)")]
    public const int MailboxSequence = 0;
    [CName("offsetof(struct ffa_host_mailbox, waiting)")]
    public const int MailboxWaiting = 4;
    [CName("offsetof(struct ffa_host_mailbox, record)")]
    public const int MailboxRecord = 64;
    [CName("FFA_HOST_TO_HOST_OFFSET")]
    public const int ToHostOffset = 0;
    [CName("FFA_HOST_TO_HARNESS_OFFSET")]
    public const int ToHarnessOffset = 512;
    [CName("FFA_HOST_SHARED_SIZE")]
    public const int SharedSize = 4096;

    // c/firmware/firmware.h
    [CName("FW_SEND")]
    public const uint FirmwareSend = 2;
    [CName("FW_EXIT_BOOT_SERVICES")]
    public const uint FirmwareExitBootServices = 3;
    [CName("FW_SEND2")]
    public const uint FirmwareSend2 = 7;
    [CName("FW_SET_VIRTUAL_ADDRESS_MAP")]
    public const uint FirmwareSetVirtualAddressMap = 8;
    [CName("FW_MAX_STEPS")]
    public const int FirmwareMaxSteps = 32;
    [CName("sizeof(struct fw_step)")]
    public const int FirmwareStepSize = 144;
    [CName("sizeof(struct fw_result)")]
    public const int FirmwareResultSize = 128;
    [CName("offsetof(struct fw_result, result)")]
    public const int FirmwareResultReturn = 8;
    [CName("offsetof(struct fw_result, message)")]
    public const int FirmwareResultMessage = 16;
    [CName("offsetof(struct fw_mailbox, capabilities)")]
    public const int FirmwareCapabilities = 12;
    [CName("offsetof(struct fw_mailbox, begin_status)")]
    public const int FirmwareBeginStatus = 16;
    [CName("offsetof(struct fw_mailbox, completed)")]
    public const int FirmwareCompleted = 20;
    [CName("offsetof(struct fw_mailbox, result)")]
    public const int FirmwareResults = 32;
    [CName("offsetof(struct fw_mailbox, step)")]
    public const int FirmwareSteps = FirmwareResults + (FirmwareResultSize * FirmwareMaxSteps);
    [CName("sizeof(struct fw_fault)")]
    public const int FaultRecordSize = 40;
    [CName("offsetof(struct fw_fault, map)")]
    public const int FaultRecordMap = 32;
    [CName("FW_MAP_BOOT")]
    public const ulong MapBoot = 0;
    [CName("FW_MAP_RUNTIME")]
    public const ulong MapRuntime = 1;
    [CName("FW_MAP_VIRTUAL")]
    public const ulong MapVirtual = 2;
    [CName("FW_VIRTUAL_OFFSET")]
    public const ulong VirtualOffset = 0xFFFF_FFBF_C000_0000;
    [CName("sizeof(struct fw_relocation)")]
    public const int RelocationSize = 24;
    [CName("FW_MAX_RELOCATIONS")]
    public const int MaxRelocations = 1024;
    [CName("offsetof(struct fw_virtual_map, relocation)")]
    public const int VirtualMapRelocations = 16;

    // c/linux/ffa_conformance.h
    [CName("CONF_HELLO")]
    public const ulong CompanionHello = 0x8300_ffa0;
    [CName("CONF_FAULT")]
    public const ulong CompanionFault = 0x8300_ffa1;
    [CName("CONF_WAIT")]
    public const ulong CompanionWait = 0x8300_ffa2;
    [CName("CONF_SEND")]
    public const uint CompanionSend = 2;
    [CName("CONF_SEND2")]
    public const uint CompanionSend2 = 7;
    [CName("CONF_SMC64")]
    public const uint CompanionSmc64 = 0x1;
    [CName("CONF_OK")]
    public const uint CompanionOk = 0;
    [CName("CONF_NO_DEVICE")]
    public const uint CompanionNoDevice = 1;
    [CName("CONF_ABORTED")]
    public const uint CompanionAborted = 2;
    [CName("CONF_NO_REQ2")]
    public const uint CompanionNoReq2 = 3;
    [CName("CONF_MAX_STEPS")]
    public const int CompanionMaxSteps = 32;
    [CName("CONF_PAYLOAD")]
    public const int CompanionPayload = 14;
    [CName("offsetof(struct conf_mailbox, steps)")]
    public const int CompanionMailboxSteps = 0;
    [CName("offsetof(struct conf_mailbox, running)")]
    public const int CompanionRunning = 4;
    [CName("offsetof(struct conf_mailbox, completed)")]
    public const int CompanionCompleted = 8;
    [CName("offsetof(struct conf_mailbox, abort)")]
    public const int CompanionAbort = 12;
    [CName("offsetof(struct conf_mailbox, devices)")]
    public const int CompanionDevices = 16;
    [CName("offsetof(struct conf_mailbox, pad)")]
    public const int CompanionHeader = 24;
    [CName("offsetof(struct conf_mailbox, fault_text)")]
    public const int CompanionFaultText = 32;
    [CName("CONF_FAULT_TEXT")]
    public const int CompanionFaultTextSize = 256;
    [CName("offsetof(struct conf_mailbox, result)")]
    public const int CompanionResults = 288;
    [CName("sizeof(struct conf_result)")]
    public const int CompanionResultSize = 120;
    [CName("sizeof(struct conf_step)")]
    public const int CompanionStepSize = 144;
    [CName("offsetof(struct conf_step, uuid)")]
    public const int CompanionUuid = 128;
    [CName("offsetof(struct conf_step, kind)")]
    public const int CompanionStepKind = 0;
    [CName("offsetof(struct conf_step, flags)")]
    public const int CompanionStepFlags = 4;
    [CName("offsetof(struct conf_step, dst)")]
    public const int CompanionStepDestination = 8;
    [CName("offsetof(struct conf_step, x)")]
    public const int CompanionStepPayload = 16;
    [CName("offsetof(struct conf_result, status)")]
    public const int CompanionResultStatus = 0;
    [CName("offsetof(struct conf_result, ret)")]
    public const int CompanionResultReturn = 4;
    [CName("offsetof(struct conf_result, x)")]
    public const int CompanionResultPayload = 8;
    [CName("offsetof(struct conf_mailbox, step)")]
    public const int CompanionSteps = CompanionResults + (CompanionResultSize * CompanionMaxSteps);

    // Board mode: the companion's device, relayed by ffa_agent (c/linux/ffa_conformance.h).
    [CName("CONF_MSG_CASE")]
    public const uint CompanionMessageCase = 1;
    [CName("CONF_MSG_ANSWER")]
    public const uint CompanionMessageAnswer = 2;
    [CName("CONF_MSG_PING")]
    public const uint CompanionMessagePing = 3;
    [CName("CONF_EV_HELLO")]
    public const uint CompanionEventHello = 1;
    [CName("CONF_EV_CALL")]
    public const uint CompanionEventCall = 2;
    [CName("CONF_EV_OBSERVED")]
    public const uint CompanionEventObserved = 3;
    [CName("CONF_EV_DONE")]
    public const uint CompanionEventDone = 4;
    [CName("CONF_EV_FAULT")]
    public const uint CompanionEventFault = 5;
    [CName("CONF_EV_PING")]
    public const uint CompanionEventPing = 6;
    [CName("CONF_CASE_OBSERVE")]
    public const uint CompanionCaseObserve = 0x1;
    [CName("CONF_CONDUIT_SMC")]
    public const uint CompanionConduitSmc = 0;
    [CName("CONF_CONDUIT_HVC")]
    public const uint CompanionConduitHvc = 1;
    [CName("CONF_REGS")]
    public const int CompanionRegisters = 18;
    [CName("CONF_MAX_PARTITIONS")]
    public const int CompanionMaxPartitions = 8;
    [CName("CONF_PARTITION_STAND_IN")]
    public const uint CompanionPartitionStandIn = 0x1;
    [CName("offsetof(struct conf_case, kind)")]
    public const int CompanionCaseKind = 0;
    [CName("offsetof(struct conf_case, steps)")]
    public const int CompanionCaseCount = 4;
    [CName("offsetof(struct conf_case, flags)")]
    public const int CompanionCaseFlags = 8;
    [CName("offsetof(struct conf_case, id)")]
    public const int CompanionCaseId = 12;
    [CName("offsetof(struct conf_case, step)")]
    public const int CompanionCaseSteps = 16;
    [CName("sizeof(struct conf_case)")]
    public const int CompanionCaseSize = CompanionCaseSteps + (CompanionStepSize * CompanionMaxSteps);
    [CName("offsetof(struct conf_answer, kind)")]
    public const int CompanionAnswerKind = 0;
    [CName("offsetof(struct conf_answer, abort)")]
    public const int CompanionAnswerAbort = 4;
    [CName("offsetof(struct conf_answer, a)")]
    public const int CompanionAnswerRegisters = 8;
    [CName("sizeof(struct conf_answer)")]
    public const int CompanionAnswerSize = CompanionAnswerRegisters + (8 * CompanionRegisters);
    [CName("offsetof(struct conf_event, kind)")]
    public const int CompanionEventKind = 0;
    [CName("offsetof(struct conf_event, step)")]
    public const int CompanionEventStep = 4;
    [CName("offsetof(struct conf_event, conduit)")]
    public const int CompanionEventConduit = 8;
    [CName("offsetof(struct conf_event, id)")]
    public const int CompanionEventId = 12;
    [CName("offsetof(struct conf_event, args)")]
    public const int CompanionEventArgs = 16;
    [CName("offsetof(struct conf_event, res)")]
    public const int CompanionEventRes = CompanionEventArgs + (8 * CompanionRegisters);
    [CName("sizeof(struct conf_event)")]
    public const int CompanionEventSize = CompanionEventRes + (8 * CompanionRegisters);
    [CName("offsetof(struct conf_hello, version)")]
    public const int CompanionHelloVersion = 4;
    [CName("offsetof(struct conf_hello, partitions)")]
    public const int CompanionHelloCount = 8;
    [CName("offsetof(struct conf_hello, faulted)")]
    public const int CompanionHelloFaulted = 12;
    [CName("offsetof(struct conf_hello, partition)")]
    public const int CompanionHelloPartitions = 16;
    [CName("sizeof(struct conf_partition)")]
    public const int CompanionPartitionSize = 24;
    [CName("offsetof(struct conf_partition, id)")]
    public const int CompanionPartitionId = 0;
    [CName("offsetof(struct conf_partition, flags)")]
    public const int CompanionPartitionFlags = 4;
    [CName("offsetof(struct conf_partition, uuid)")]
    public const int CompanionPartitionUuid = 8;
    [CName("sizeof(struct conf_hello)")]
    public const int CompanionHelloSize = CompanionHelloPartitions + (CompanionPartitionSize * CompanionMaxPartitions);
    [CName("offsetof(struct conf_done, id)")]
    public const int CompanionDoneId = 8;
    [CName("offsetof(struct conf_done, completed)")]
    public const int CompanionDoneCompleted = 4;
    [CName("offsetof(struct conf_done, result)")]
    public const int CompanionDoneResults = 16;
    [CName("sizeof(struct conf_done)")]
    public const int CompanionDoneSize = CompanionDoneResults + (CompanionResultSize * CompanionMaxSteps);
    [CName("offsetof(struct conf_fault, text)")]
    public const int CompanionFaultEventText = 4;
    [CName("sizeof(struct conf_fault)")]
    public const int CompanionFaultEventSize = CompanionFaultEventText + CompanionFaultTextSize;

    /// <summary>The HARNESS_SEND_* flags of a send step, as the native host and the firmware take them.</summary>
    public static uint Flags(SendStep step) =>
        (step.Request.Convention == Convention.Smc64 ? SendSmc64 : 0)
        | (step.Entry == Entry.Runtime ? SendRuntime : 0)
        | (step.Request.Message is null ? SendNullMessage : 0);

    /// <summary>What a transport's harness capability flags (sent at start) let a harness-driven target do besides the basics.</summary>
    public static TargetCapabilities Grants(uint capabilities) =>
        ((capabilities & HasBootEntry) != 0 ? TargetCapabilities.BootEntry : TargetCapabilities.None)
        | ((capabilities & HasReq2) != 0 ? TargetCapabilities.DirectRequest2 : TargetCapabilities.None)
        | ((capabilities & HasLifecycle) != 0 ? TargetCapabilities.Lifecycle : TargetCapabilities.None)
        | ((capabilities & TakesWidth) != 0 ? TargetCapabilities.Smc32Request : TargetCapabilities.None);

    /// <summary>Why a harness could not run a step, from its HARNESS_* failure.</summary>
    public static string Failure(uint failure) => failure switch
    {
        NoEvent => "the transport registered no ExitBootServices event when probed",
        NoBootEntry => "the transport has no boot-time entry (ffa_invoke_msg_send_direct_req)",
        NoReq2 => "the transport has no REQ2 entry (ffa_sync_send_receive2_runtime)",
        NoSmc32 => "the implementation's entry takes no width and always sends SMC64, but the case asks for SMC32",
        _ => $"the harness reported failure {failure}",
    };
}
