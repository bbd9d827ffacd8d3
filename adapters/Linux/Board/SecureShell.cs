using System.Diagnostics;
using System.Text;

namespace FfaConformance.Adapters.Linux.Board;

/// <summary>
/// OpenSSH's client towards one board: never asking anything (BatchMode), with the target's port, identity and
/// known-hosts file, and keep-alives so that a board that resets is noticed within seconds.
/// </summary>
public sealed class SecureShell(string host, int port, string? identityFile, string? knownHosts)
{
    public const string Client = "ssh";

    /// <summary>ssh's exit status when it could not connect or log in (a command's own status otherwise).</summary>
    public const int ConnectionFailed = 255;

    /// <summary>How long one command may take (copying the companion, loading it).</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    public string Destination => port == BoardOptions.DefaultPort ? host : $"{host}:{port}";

    /// <summary>Runs <paramref name="command"/> on the board with <paramref name="input"/> as its standard input; its exit status and output.</summary>
    public (int Exit, string Output) Run(string command, byte[]? input = null)
    {
        using var process = Start(command);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (input is not null)
            {
                process.StandardInput.BaseStream.Write(input);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // ssh ended before taking its input; its exit status and output say why.
        }

        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{Client} to {Destination} did not finish '{command}' within {CommandTimeout.TotalSeconds:0} s");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString().Trim());
        }
    }

    /// <summary>Starts <paramref name="command"/> on the board with its standard input and output as pipes; standard error is the process's to read.</summary>
    public Process Start(string command)
    {
        var info = new ProcessStartInfo(Client)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(command))
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"{Client} did not start");
    }

    private IEnumerable<string> Arguments(string command)
    {
        string[] options = ["BatchMode=yes", "ConnectTimeout=10", "ServerAliveInterval=2", "ServerAliveCountMax=3", "LogLevel=ERROR"];
        foreach (var option in options)
        {
            yield return "-o";
            yield return option;
        }

        yield return "-p";
        yield return port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (identityFile is not null)
        {
            yield return "-i";
            yield return identityFile;
            yield return "-o";
            yield return "IdentitiesOnly=yes";
        }

        if (knownHosts is not null)
        {
            yield return "-o";
            yield return $"UserKnownHostsFile={knownHosts}";
            yield return "-o";
            yield return "StrictHostKeyChecking=yes";
        }

        yield return host;
        yield return command;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
