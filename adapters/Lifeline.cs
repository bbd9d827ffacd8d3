using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace FfaConformance.Adapters;

/// <summary>
/// Ties this process to the dotnet processes above it. `dotnet test` runs the tests in a test host two or three
/// processes down (the CLI, MSBuild's node, vstest.console, the test host); when the CLI is killed with SIGKILL
/// nothing tells the test host, which would go on running targets — and starting QEMUs — for the rest of the
/// run. The lifeline notes every dotnet ancestor (by PID and start time) and, when one of them is gone, kills
/// this process; the keepers of its targets then kill everything under them. A process that is killed leaves
/// the runtime's diagnostic files in TMPDIR (clr-debug-pipe-PID-…, dotnet-diagnostic-PID-…), which only its own
/// orderly exit would remove, so they are removed first — and also when a SIGTERM ends the process, which
/// `dotnet test`'s other processes may not give time for an orderly exit.
/// </summary>
public static class Lifeline
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static int started;
    private static PosixSignalRegistration? terminated;

    public static void Start()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref started, 1) == 1)
        {
            return;
        }

        // The signal goes on to end the process as it would have; only the files go first.
        terminated = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => RemoveRuntimeFiles());

        var ancestors = Ancestors(Environment.ProcessId).Where(a => a.Command == "dotnet").ToArray();
        if (ancestors.Length == 0)
        {
            return;
        }

        var thread = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(Interval);
                foreach (var gone in ancestors.Where(a => StartTime(a.Pid) != a.Started))
                {
                    Console.Error.WriteLine($"ffa: the dotnet process {gone.Pid} that started this run is gone; stopping this run and its targets");
                    RemoveRuntimeFiles();
                    Process.GetCurrentProcess().Kill();
                }
            }
        })
        { IsBackground = true, Name = "ffa lifeline" };
        thread.Start();
    }

    /// <summary>This process's runtime diagnostic files: the debugger's pipes and the diagnostic server's socket.</summary>
    private static void RemoveRuntimeFiles()
    {
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var pattern in new[] { $"clr-debug-pipe-{pid}-*", $"dotnet-diagnostic-{pid}-*" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), pattern))
            {
                try
                {
                    File.Delete(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another chance at an orderly exit; nothing here is worth stopping for.
                }
            }
        }
    }

    /// <summary>The processes above <paramref name="pid"/>, nearest first, up to (not including) init.</summary>
    private static IEnumerable<(int Pid, string Command, string? Started)> Ancestors(int pid)
    {
        var parent = Parent(pid);
        while (parent is > 1)
        {
            var command = Stat(parent.Value) is { } stat ? stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')] : string.Empty;
            yield return (parent.Value, command, StartTime(parent.Value));
            parent = Parent(parent.Value);
        }
    }

    private static int? Parent(int pid) =>
        Stat(pid) is { } stat && Fields(stat) is { Length: > 1 } fields && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid) ? ppid : null;

    /// <summary>
    /// Field 22 of /proc/PID/stat, which tells a PID reused by another process from the original; null for a
    /// process that is gone or dead and not yet reaped (a zombie, whose parent may take its time).
    /// </summary>
    private static string? StartTime(int pid) =>
        Stat(pid) is { } stat && Fields(stat) is { Length: > 19 } fields && fields[0] is not ("Z" or "X") ? fields[19] : null;

    /// <summary>The fields after the command name (which may hold spaces and parentheses): state, ppid, …</summary>
    private static string[] Fields(string stat) => stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string? Stat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
