namespace FfaConformance.Rules.Model;

/// <summary>What a conforming caller does with an answer: resume with FFA_RUN, may resume, or stop.</summary>
public enum Resume
{
    Required,

    /// <summary>FFA_YIELD at v1.0: resuming is how Linux treats it, a protocol error is how v1.0 reads it.</summary>
    Optional,

    Forbidden,
}
