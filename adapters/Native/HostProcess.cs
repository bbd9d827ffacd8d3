using System.Diagnostics;

namespace FfaConformance.Adapters.Native;

/// <summary>
/// One running host process, under the keeper, and the page it shares with the harness. A receive that times
/// out means the transport neither called the conduit nor returned: a hang. A process that exits while the
/// harness waits has crashed; <see cref="Death"/> says how.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    private readonly Process process;
    private readonly SharedChannel channel;
    private readonly Queue<string> stderr;
    private readonly Func<bool> alive;

    private HostProcess(Process process, SharedChannel channel, Queue<string> stderr)
    {
        this.process = process;
        this.channel = channel;
        this.stderr = stderr;
        alive = () => !process.HasExited;
    }

    /// <summary>Whether the transport has the boot-time entry (ffa_invoke_msg_send_direct_req), as the host's hello says.</summary>
    /// <summary>The HARNESS_HAS_* flags the host greeted with.</summary>
    public uint Capabilities { get; private set; }

    public TimeSpan Timeout { get; set; }

    public static HostProcess Start(string keeper, string executable, TimeSpan timeout)
    {
        var channel = new SharedChannel(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath());
        var stderr = new Queue<string>();
        var process = ChildProcesses.Start(keeper, executable, [channel.Path], (_, line) => ChildProcesses.KeepTail(stderr, line.Data));
        var host = new HostProcess(process, channel, stderr) { Timeout = timeout };
        try
        {
            var hello = host.Receive();
            if (hello.Type != HostMessage.Hello)
            {
                throw new TargetUnavailableAtStart($"{executable} greeted with {hello.Type}, not Hello");
            }

            if ((hello.Argument & Wire.StateTooLarge) != 0)
            {
                throw new TargetUnavailableAtStart("the transport's resident state is larger than the 64 KiB the harness restores per case");
            }

            host.Capabilities = hello.Argument;
            return host;
        }
        catch (HostDied)
        {
            var death = host.Death();
            host.Dispose();
            throw new TargetUnavailableAtStart($"{executable} did not start: {death}");
        }
        catch (HostHung)
        {
            host.Dispose();
            throw new TargetUnavailableAtStart($"{executable} did not greet within {timeout.TotalSeconds:0.#} s");
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public void Send(HostRecord record) => channel.Send(record);

    /// <summary>The next record; <see cref="HostHung"/> on a timeout, <see cref="HostDied"/> when the process is gone.</summary>
    public HostRecord Receive()
    {
        if (channel.TryReceive(Timeout, alive, out var record))
        {
            return record;
        }

        throw process.HasExited ? new HostDied() : new HostHung();
    }

    /// <summary>
    /// How the process ended: a signal or an exit status, and its last words on stderr. Bounded: the keeper ends
    /// whatever the host left running, but a keeper that does not is killed rather than waited for.
    /// </summary>
    public string Death()
    {
        if (!process.WaitForExit(Grace))
        {
            ChildProcesses.Stop(process, Grace);
        }

        // The keeper is gone, and so is everything that held stderr open: its last lines arrive at once.
        process.WaitForExit(Grace);
        var code = process.ExitCode;
        var how = code > 128 ? $"was killed by {SignalName(code - 128)}" : $"exited with status {code}";
        return $"the host process {how}{ChildProcesses.Tail(stderr)}";
    }

    public void Kill() => ChildProcesses.Stop(process, Grace);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            channel.Send(HostRecord.Command(HostMessage.Quit));
            if (!process.WaitForExit(Grace))
            {
                Kill();
            }
        }

        ChildProcesses.Stop(process, Grace);
        process.Dispose();
        channel.Dispose();
    }

    private static string SignalName(int signal) => signal switch
    {
        4 => "SIGILL (4)",
        6 => "SIGABRT (6)",
        7 => "SIGBUS (7)",
        8 => "SIGFPE (8)",
        9 => "SIGKILL (9)",
        11 => "SIGSEGV (11)",
        15 => "SIGTERM (15)",
        _ => $"signal {signal}",
    };
}

/// <summary>The host neither called nor returned in time.</summary>
internal sealed class HostHung : Exception;

/// <summary>The host process is gone.</summary>
internal sealed class HostDied : Exception;

/// <summary>The host could not be started at all.</summary>
internal sealed class TargetUnavailableAtStart(string message) : Exception(message);
