using System.Collections.Concurrent;
using System.Diagnostics;

namespace FfaConformance.Adapters;

/// <summary>
/// Starts the processes a target runs in (host processes, QEMU), each under the keeper (c/keeper), from one
/// dedicated thread that lives as long as the test process: the keeper's parent-death signal follows the
/// thread that forked it, and a test or thread-pool thread may end early. The keeper's standard input is its
/// lifeline: closing it, or this process dying, makes the keeper kill everything the target started — forked,
/// double-forked or setsid children included — before it exits. Starting the first one also starts the
/// <see cref="Lifeline"/>, so a runner whose own parents were killed does not go on alone.
/// </summary>
public static class ChildProcesses
{
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> Requests = [];

    static ChildProcesses()
    {
        Lifeline.Start();
        var thread = new Thread(Serve) { IsBackground = true, Name = "ffa child processes" };
        thread.Start();
    }

    /// <summary>
    /// Starts <paramref name="program"/> under <paramref name="keeper"/>; its standard error goes to
    /// <paramref name="stderr"/>; the keeper removes the files in <paramref name="remove"/> once everything is gone.
    /// </summary>
    public static Process Start(string keeper, string program, IEnumerable<string> arguments, DataReceivedEventHandler stderr, IEnumerable<string>? remove = null)
    {
        var info = new ProcessStartInfo(keeper) { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var path in remove ?? [])
        {
            info.ArgumentList.Add("--remove");
            info.ArgumentList.Add(path);
        }

        info.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((info, started));
        var process = started.Task.GetAwaiter().GetResult();
        process.ErrorDataReceived += stderr;
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Ends a process started by <see cref="Start"/>: its lifeline is closed, so the keeper kills the target and
    /// everything it started; if the keeper is not gone within <paramref name="grace"/>, the whole tree is killed.
    /// </summary>
    public static void Stop(Process process, TimeSpan grace)
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // Already closed, or the process is gone.
        }

        try
        {
            if (!process.WaitForExit(grace))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(grace);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
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

    /// <summary>"; stderr: a | b", or nothing when the child wrote nothing.</summary>
    public static string Tail(Queue<string> lines)
    {
        lock (lines)
        {
            return lines.Count == 0 ? string.Empty : $"; stderr: {string.Join(" | ", lines)}";
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
