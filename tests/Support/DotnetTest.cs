using System.Diagnostics;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.Support;

/// <summary>`dotnet test` and shell commands run as a user would run them, for the tests of what users type.</summary>
internal static class DotnetTest
{
    /// <summary>A shell command line run by bash in <paramref name="directory"/> with exactly <paramref name="environment"/> (plus what dotnet needs); its exit code and output.</summary>
    public static (int Exit, string Output) Shell(string command, string directory, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Start("/bin/bash", ["-c", command], directory, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{command}' did not finish within {(timeout ?? TimeSpan.FromMinutes(5)).TotalSeconds} s");
        }

        return (process.ExitCode, output.Result + errors.Result);
    }

    /// <summary>
    /// A process with a clean environment: PATH, HOME and DOTNET_ variables the machine needs to find dotnet,
    /// and <paramref name="environment"/> — nothing of this test process's own FFA_ settings.
    /// </summary>
    public static Process Start(string program, IEnumerable<string> arguments, string directory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT", "DOTNET_CLI_HOME", "NUGET_PACKAGES" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                info.Environment[name] = value;
            }
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    /// <summary>A file as cat reads it, or empty when there is none: a run holds its journal locked against .NET's readers, not against cat.</summary>
    public static string Read(string path) => File.Exists(path) ? Shell($"cat '{path}'", Path.GetTempPath()).Output : string.Empty;

    /// <summary>The suite project of this checkout.</summary>
    public static string Suite => Path.Combine(NativeTargets.Root, "suite");
}
