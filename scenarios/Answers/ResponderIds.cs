using FfaConformance.Abi;

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

/// <summary>What a response's w1 holds for each <see cref="ResponderIds"/>, for DIRECT_RESP and DIRECT_RESP2 alike.</summary>
public static class ResponderIdsExtensions
{
    public static EndpointPair Pair(this ResponderIds ids, ushort other, ushort self, ushort destination) => ids switch
    {
        ResponderIds.Echo => new(destination, self),
        ResponderIds.Unswapped => new(self, destination),
        ResponderIds.OtherSender => new(other, self),
        _ => new(destination, other),
    };

    public static string Describe(this ResponderIds ids, ushort other) => ids switch
    {
        ResponderIds.Echo => "ids echoed",
        ResponderIds.Unswapped => "ids unswapped",
        ResponderIds.OtherSender => $"responder 0x{other:X4}",
        _ => $"receiver 0x{other:X4}",
    };
}
