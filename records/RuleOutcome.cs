namespace FfaConformance.Records;

/// <summary>How checking one rule on one target ended.</summary>
public enum RuleOutcome
{
    Passed,

    /// <summary>A case failed: the result carries its counterexample.</summary>
    Failed,

    /// <summary>No counterexample, but a required class was never generated: the run proves too little.</summary>
    CoverageGap,

    /// <summary>The rule does not apply to the target (version, capabilities).</summary>
    NotApplicable,

    /// <summary>
    /// The rule would apply to the implementation, but its verdict needs answers a scripted secure world gives and the
    /// target's real one is not scripted: nothing was judged, and an expectation is neither met nor stale.
    /// </summary>
    NotExercised,

    /// <summary>The target lacks something it may legitimately lack here (a toolchain, an optional source): nothing ran.</summary>
    Unavailable,

    /// <summary>The target could not be built or started, or the adapter failed while running a case: nothing was judged.</summary>
    Broken,
}
