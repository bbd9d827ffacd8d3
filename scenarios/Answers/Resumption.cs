using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Answers;

/// <summary>
/// FFA_INTERRUPT or FFA_YIELD: the request is not complete and the caller resumes the execution context named
/// in w1 with FFA_RUN. The target is the original destination or, when the call chain moved, another endpoint.
/// </summary>
public abstract record Resumption(Convention ResumptionWidth, ushort? Endpoint, ushort VCpu, Noise Noise) : Answer(Noise)
{
    public override Convention Width => ResumptionWidth;

    public TargetInfo Target(ushort destination) => new(Endpoint ?? destination, VCpu);

    protected string TargetText => $"{(Endpoint is { } e ? $"0x{e:X4}" : "destination")}/vCPU {VCpu}";
}
