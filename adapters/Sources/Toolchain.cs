using System.Diagnostics;

namespace FfaConformance.Adapters.Sources;

/// <summary>A C toolchain found on PATH: the compiler and the binutils the build needs.</summary>
public sealed record Toolchain(string Compiler, string ObjCopy, string ReadElf, string Version)
{
    /// <summary>The host toolchain, or why there is none.</summary>
    public static Toolchain? Host(out string? missing) => Find("", out missing);

    /// <summary>A toolchain with a target prefix such as "aarch64-linux-gnu-", or why there is none.</summary>
    public static Toolchain? Find(string prefix, out string? missing)
    {
        var tools = new[] { "gcc", "objcopy", "readelf" }.Select(t => (Name: prefix + t, Path: OnPath(prefix + t))).ToArray();
        var absent = tools.Where(t => t.Path is null).Select(t => t.Name).ToArray();
        if (absent.Length > 0)
        {
            missing = $"{string.Join(", ", absent)} not found on PATH (Debian: apt-get install {(prefix.Length == 0 ? "gcc binutils" : $"gcc-{prefix.TrimEnd('-')}")})";
            return null;
        }

        missing = null;
        var version = Run(tools[0].Path!, "--version").Split('\n')[0];
        return new Toolchain(tools[0].Path!, tools[1].Path!, tools[2].Path!, version);
    }

    /// <summary>Runs a tool; the exit code and both output streams come back.</summary>
    public static (int Exit, string Output) Invoke(string tool, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo(tool, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            },
        };
        process.Start();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, (stdout + stderr.Result).Trim());
    }

    /// <summary>qemu-system-aarch64 and its version, or what is missing.</summary>
    public static (string Path, string Version)? Qemu(out string? missing)
    {
        if (OnPath("qemu-system-aarch64") is not { } qemu)
        {
            missing = "qemu-system-aarch64 not found on PATH (Debian: apt-get install qemu-system-arm)";
            return null;
        }

        missing = null;
        return (qemu, Run(qemu, "--version").Split('\n')[0]);
    }

    private static string Run(string tool, string argument) => Invoke(tool, [argument]).Output;

    public static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>qemu-system-aarch64 and the keeper it runs under (which makes QEMU die with the test process).</summary>
public sealed record QemuTools(string Qemu, string Keeper, string Version);
