namespace FfaConformance.Adapters.Emulator;

/// <summary>How the reference transport classifies what came back from the conduit.</summary>
public enum Reply
{
    /// <summary>FFA_MSG_SEND_DIRECT_RESP of the request's width.</summary>
    Response,

    /// <summary>FFA_ERROR (the SMC64 form only from v1.3).</summary>
    Error,

    /// <summary>FFA_INTERRUPT or FFA_YIELD of a width that exists at the negotiated version: resume with FFA_RUN.</summary>
    Resume,

    /// <summary>SMCCC NOT_SUPPORTED: no FF-A at the conduit.</summary>
    NotSupported,

    /// <summary>Anything else.</summary>
    ProtocolError,
}
