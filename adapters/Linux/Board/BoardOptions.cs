namespace FfaConformance.Adapters.Linux.Board;

/// <summary>
/// How a linux-board target is reached and built: SSH's destination, port, identity and known-hosts file; who
/// answers the cases' calls; the kernel build tree the companion is built against (null: Debian's current arm64
/// kernel, as the linux target boots) and the Module.symvers of a driver built outside it; where builds are cached;
/// how long the board may stay silent in a case.
/// </summary>
public sealed record BoardOptions(
    string Host,
    int Port,
    string? IdentityFile,
    string? KnownHosts,
    BoardMode Mode,
    string? KernelBuild,
    string? DriverSymbols,
    string BuildRoot,
    TimeSpan HangTimeout)
{
    public const int DefaultPort = 22;

    /// <summary>A board is further away than a guest: a conduit call makes an SSH round trip.</summary>
    public static readonly TimeSpan DefaultHangTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The folder on the board the companion and the agent are copied to.</summary>
    public const string RemoteFolder = "/tmp/ffa-conformance";

}
