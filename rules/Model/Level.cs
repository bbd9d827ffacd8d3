namespace FfaConformance.Rules.Model;

/// <summary>MUST: derived from the spec or implementation consensus. SHOULD: robustness the spec leaves open.</summary>
public enum Level
{
    Must,
    Should,
}
