namespace FfaConformance.Scenarios.Steps;

/// <summary>
/// The caller sends an FFA_MSG_SEND_DIRECT_REQ2 through the transport's REQ2 entry (a runtime entry, open after
/// ExitBootServices like the runtime direct request); the secure world answers from the script.
/// </summary>
public sealed record Send2Step(DirectRequest2 Request, Script Script) : Step
{
    public override string ToString() => $"runtime send {Request}\n      script: {Script}";
}
