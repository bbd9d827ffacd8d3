using System.Collections.Concurrent;
using System.Diagnostics;

namespace FfaConformance.Adapters;

/// <summary>
/// Starts the processes a target runs in (host processes, QEMU) from one dedicated thread that lives as long
/// as the test process. Their "die with the parent" setting (PR_SET_PDEATHSIG) follows the thread that
/// forked them; a test or thread-pool thread may end early, this one does not.
/// </summary>
public static class ChildProcesses
{
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> Requests = [];

    static ChildProcesses()
    {
        var thread = new Thread(Serve) { IsBackground = true, Name = "ffa child processes" };
        thread.Start();
    }

    public static Process Start(ProcessStartInfo info, DataReceivedEventHandler? stderr = null)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((info, started));
        var process = started.Task.GetAwaiter().GetResult();
        if (stderr is not null)
        {
            process.ErrorDataReceived += stderr;
            process.BeginErrorReadLine();
        }

        return process;
    }

    /// <summary>The last few lines a child wrote on stderr, for the message when it dies.</summary>
    public static void KeepTail(Queue<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > 5)
            {
                lines.Dequeue();
            }
        }
    }

    private static void Serve()
    {
        foreach (var (info, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                var process = new Process { StartInfo = info };
                process.Start();
                started.SetResult(process);
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
