namespace FfaConformance.Abi;

/// <summary>
/// The FF-A function table (Arm DEN0077A; the numbers as Linux's include/linux/arm_ffa.h and Hafnium's
/// inc/vmapi/hf/ffa.h define them): every ABI, its number and per-width availability. SMC64 forms of
/// FFA_ERROR, FFA_INTERRUPT, FFA_MSG_WAIT, FFA_YIELD, FFA_RUN and FFA_NORMAL_WORLD_RESUME exist only from
/// v1.3 (an ALP revision; see the rules' basis).
/// </summary>
public static class FfaFunctions
{
    private static readonly FfaVersion V10 = FfaVersion.V1_0;
    private static readonly FfaVersion V11 = FfaVersion.V1_1;
    private static readonly FfaVersion V12 = FfaVersion.V1_2;
    private static readonly FfaVersion V13 = FfaVersion.V1_3;

    public static readonly FfaFunction Error = new("FFA_ERROR", 0x60, V10, V13);
    public static readonly FfaFunction Success = new("FFA_SUCCESS", 0x61, V10, V10);
    public static readonly FfaFunction Interrupt = new("FFA_INTERRUPT", 0x62, V10, V13);
    public static readonly FfaFunction Version = new("FFA_VERSION", 0x63, V10, null);
    public static readonly FfaFunction Features = new("FFA_FEATURES", 0x64, V10, null);
    public static readonly FfaFunction RxRelease = new("FFA_RX_RELEASE", 0x65, V10, null);
    public static readonly FfaFunction RxTxMap = new("FFA_RXTX_MAP", 0x66, V10, V10);
    public static readonly FfaFunction RxTxUnmap = new("FFA_RXTX_UNMAP", 0x67, V10, null);
    public static readonly FfaFunction PartitionInfoGet = new("FFA_PARTITION_INFO_GET", 0x68, V10, null);
    public static readonly FfaFunction IdGet = new("FFA_ID_GET", 0x69, V10, null);
    public static readonly FfaFunction MsgPoll = new("FFA_MSG_POLL", 0x6A, V10, null);
    public static readonly FfaFunction MsgWait = new("FFA_MSG_WAIT", 0x6B, V10, V13);
    public static readonly FfaFunction Yield = new("FFA_YIELD", 0x6C, V10, V13);
    public static readonly FfaFunction Run = new("FFA_RUN", 0x6D, V10, V13);
    public static readonly FfaFunction MsgSend = new("FFA_MSG_SEND", 0x6E, V10, null);
    public static readonly FfaFunction DirectRequest = new("FFA_MSG_SEND_DIRECT_REQ", 0x6F, V10, V10);
    public static readonly FfaFunction DirectResponse = new("FFA_MSG_SEND_DIRECT_RESP", 0x70, V10, V10);
    public static readonly FfaFunction MemDonate = new("FFA_MEM_DONATE", 0x71, V10, V10);
    public static readonly FfaFunction MemLend = new("FFA_MEM_LEND", 0x72, V10, V10);
    public static readonly FfaFunction MemShare = new("FFA_MEM_SHARE", 0x73, V10, V10);
    public static readonly FfaFunction MemRetrieveReq = new("FFA_MEM_RETRIEVE_REQ", 0x74, V10, V10);
    public static readonly FfaFunction MemRetrieveResp = new("FFA_MEM_RETRIEVE_RESP", 0x75, V10, null);
    public static readonly FfaFunction MemRelinquish = new("FFA_MEM_RELINQUISH", 0x76, V10, null);
    public static readonly FfaFunction MemReclaim = new("FFA_MEM_RECLAIM", 0x77, V10, null);
    public static readonly FfaFunction MemOpPause = new("FFA_MEM_OP_PAUSE", 0x78, V10, null);
    public static readonly FfaFunction MemOpResume = new("FFA_MEM_OP_RESUME", 0x79, V10, null);
    public static readonly FfaFunction MemFragRx = new("FFA_MEM_FRAG_RX", 0x7A, V10, null);
    public static readonly FfaFunction MemFragTx = new("FFA_MEM_FRAG_TX", 0x7B, V10, null);
    public static readonly FfaFunction NormalWorldResume = new("FFA_NORMAL_WORLD_RESUME", 0x7C, V10, V13);
    public static readonly FfaFunction NotificationBitmapCreate = new("FFA_NOTIFICATION_BITMAP_CREATE", 0x7D, V11, null);
    public static readonly FfaFunction NotificationBitmapDestroy = new("FFA_NOTIFICATION_BITMAP_DESTROY", 0x7E, V11, null);
    public static readonly FfaFunction NotificationBind = new("FFA_NOTIFICATION_BIND", 0x7F, V11, null);
    public static readonly FfaFunction NotificationUnbind = new("FFA_NOTIFICATION_UNBIND", 0x80, V11, null);
    public static readonly FfaFunction NotificationSet = new("FFA_NOTIFICATION_SET", 0x81, V11, null);
    public static readonly FfaFunction NotificationGet = new("FFA_NOTIFICATION_GET", 0x82, V11, null);
    public static readonly FfaFunction NotificationInfoGet = new("FFA_NOTIFICATION_INFO_GET", 0x83, V11, V11);
    public static readonly FfaFunction RxAcquire = new("FFA_RX_ACQUIRE", 0x84, V11, null);
    public static readonly FfaFunction SpmIdGet = new("FFA_SPM_ID_GET", 0x85, V11, null);
    public static readonly FfaFunction MsgSend2 = new("FFA_MSG_SEND2", 0x86, V11, null);
    public static readonly FfaFunction SecondaryEpRegister = new("FFA_SECONDARY_EP_REGISTER", 0x87, V11, V11);
    public static readonly FfaFunction MemPermGet = new("FFA_MEM_PERM_GET", 0x88, V11, V11);
    public static readonly FfaFunction MemPermSet = new("FFA_MEM_PERM_SET", 0x89, V11, V11);
    public static readonly FfaFunction ConsoleLog = new("FFA_CONSOLE_LOG", 0x8A, V12, V12);
    public static readonly FfaFunction PartitionInfoGetRegs = new("FFA_PARTITION_INFO_GET_REGS", 0x8B, null, V12);
    public static readonly FfaFunction El3IntrHandle = new("FFA_EL3_INTR_HANDLE", 0x8C, V12, null);
    public static readonly FfaFunction DirectRequest2 = new("FFA_MSG_SEND_DIRECT_REQ2", 0x8D, null, V12);
    public static readonly FfaFunction DirectResponse2 = new("FFA_MSG_SEND_DIRECT_RESP2", 0x8E, null, V12);
    public static readonly FfaFunction NsResInfoGet = new("FFA_NS_RES_INFO_GET", 0x8F, null, V13);
    public static readonly FfaFunction Abort = new("FFA_ABORT", 0x90, V13, V13);

    public static readonly IReadOnlyList<FfaFunction> All =
    [
        Error, Success, Interrupt, Version, Features, RxRelease, RxTxMap, RxTxUnmap, PartitionInfoGet, IdGet,
        MsgPoll, MsgWait, Yield, Run, MsgSend, DirectRequest, DirectResponse, MemDonate, MemLend, MemShare,
        MemRetrieveReq, MemRetrieveResp, MemRelinquish, MemReclaim, MemOpPause, MemOpResume, MemFragRx, MemFragTx,
        NormalWorldResume, NotificationBitmapCreate, NotificationBitmapDestroy, NotificationBind,
        NotificationUnbind, NotificationSet, NotificationGet, NotificationInfoGet, RxAcquire, SpmIdGet, MsgSend2,
        SecondaryEpRegister, MemPermGet, MemPermSet, ConsoleLog, PartitionInfoGetRegs, El3IntrHandle,
        DirectRequest2, DirectResponse2, NsResInfoGet, Abort,
    ];

    private static readonly Dictionary<uint, (FfaFunction Function, Convention Convention)> ById = BuildIndex();

    /// <summary>
    /// The ABI and width a 32-bit w0 names, if any FF-A version defines that ID. Callers that hold a full x0
    /// pass its low half: SMCCC function IDs are 32-bit.
    /// </summary>
    public static (FfaFunction Function, Convention Convention)? Find(uint w0) =>
        ById.TryGetValue(w0, out var hit) ? hit : null;

    /// <summary>A readable name for a w0 value: "FFA_RUN_32", "FFA_INTERRUPT_64", or the hex ID.</summary>
    public static string Describe(uint w0)
    {
        if (w0 == Smccc.NotSupported)
        {
            return "SMCCC_NOT_SUPPORTED";
        }

        return Find(w0) is { } hit ? $"{hit.Function.Name}_{(hit.Convention == Convention.Smc64 ? "64" : "32")}" : $"0x{w0:X8}";
    }

    private static Dictionary<uint, (FfaFunction, Convention)> BuildIndex()
    {
        var index = new Dictionary<uint, (FfaFunction, Convention)>();
        foreach (var function in All)
        {
            foreach (var convention in (Convention[])[Convention.Smc32, Convention.Smc64])
            {
                if (function.Since(convention) is not null)
                {
                    index.Add(function.Id(convention).Value, (function, convention));
                }
            }
        }

        return index;
    }
}
