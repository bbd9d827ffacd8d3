namespace FfaConformance.Scenarios.Traces;

/// <summary>What a finding's field names (see <see cref="FindingField"/>).</summary>
public enum FieldKind
{
    /// <summary>A register of the call the finding names, or some of its bits: x2, w0, x1[31:16].</summary>
    Register,

    /// <summary>What the send returned.</summary>
    ReturnValue,

    /// <summary>The caller's message after the send.</summary>
    Message,

    /// <summary>One word of the caller's message after the send.</summary>
    MessageWord,

    /// <summary>How the step ended: a return, a stop, or not at all.</summary>
    Outcome,

    /// <summary>The call after the one the finding names.</summary>
    NextCall,

    /// <summary>The calls a step made, where it should have made none.</summary>
    Calls,

    /// <summary>How many calls a step made, compared between two runs of it.</summary>
    CallCount,

    /// <summary>All the registers a call issued, compared between two runs of it.</summary>
    IssuedRegisters,

    /// <summary>The conduit (SMC or HVC) of the call.</summary>
    Conduit,

    /// <summary>Memory the target touched.</summary>
    MemoryAccess,

    /// <summary>An address the target used.</summary>
    Address,

    /// <summary>A field a run.json names that this version does not write: kept as its text, pointing nowhere.</summary>
    Unrecognised,
}
