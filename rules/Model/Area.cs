namespace FfaConformance.Rules.Model;

/// <summary>How reports group rules.</summary>
public enum Area
{
    RequestEncoding,
    ResponseHandling,
    ErrorMapping,
    InterruptYield,
    Lifecycle,
    Residency,
    Req2Resp2,
}
