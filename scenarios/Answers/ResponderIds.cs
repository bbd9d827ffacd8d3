namespace FfaConformance.Scenarios.Answers;

/// <summary>How w1 of a DIRECT_RESP names the endpoints, relative to the request.</summary>
public enum ResponderIds
{
    /// <summary>w1 = (destination &lt;&lt; 16) | self: the responder swapped the request's IDs, as it must.</summary>
    Echo,

    /// <summary>w1 = (self &lt;&lt; 16) | destination: the request's w1 handed back unswapped.</summary>
    Unswapped,

    /// <summary>w1[31:16] names another endpoint as the responder.</summary>
    OtherSender,

    /// <summary>w1[15:0] names another endpoint as the receiver.</summary>
    OtherReceiver,
}
