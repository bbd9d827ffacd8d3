namespace FfaConformance.Adapters.Linux.Board;

/// <summary>Who answers the calls a case makes on a board.</summary>
public enum BoardMode
{
    /// <summary>The companion answers them in the kernel with the managed secure world's script; every other call passes through.</summary>
    Answer,

    /// <summary>The board's own secure world answers them; the companion records calls and answers.</summary>
    Observe,
}
