using System.Security.Cryptography;
using System.Text;

namespace FfaConformance.Adapters.Sources;

/// <summary>
/// What the native and QEMU builds share: running the compiler, and a cache of build outputs keyed by a hash of
/// every input (sources, our C files, flags, the compiler's version).
/// A build runs in a fresh directory that is renamed into place, under a lock that makes a concurrent builder of the same inputs wait.
/// </summary>
public static class CBuild
{
    /// <summary>The cached output directory for <paramref name="key"/>, built by <paramref name="build"/> if missing.</summary>
    public static string Cached(string buildRoot, string kind, string key, string product, Action<string> build)
    {
        var output = Path.Combine(buildRoot, kind, key);
        if (File.Exists(Path.Combine(output, product)))
        {
            return output;
        }

        // One builder per key at a time: a second process (the suite's run beside its self-tests) waits for the
        // first's output instead of doing the same build again. The lock goes with the process that holds it.
        using var held = Hold($"{output}.lock");
        if (File.Exists(Path.Combine(output, product)))
        {
            return output;
        }

        var work = Directory.CreateDirectory($"{output}.tmp-{Guid.NewGuid():N}").FullName;
        try
        {
            try
            {
                build(work);
            }
            catch (TargetBuildException e)
            {
                // The whole output outlives the work folder; messages carry its head and where the rest is.
                throw e.KeptIn(Path.Combine(buildRoot, kind, $"failed-{key}.log"));
            }

            try
            {
                Directory.Move(work, output);
            }
            catch (IOException) when (File.Exists(Path.Combine(output, product)))
            {
                // Another process built the same inputs first without this lock (an earlier version of the suite).
            }

            return output;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static FileStream Hold(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        while (true)
        {
            try
            {
                return new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(file))
            {
                Thread.Sleep(100);
            }
        }
    }

    public static void Compile(Toolchain toolchain, string what, IEnumerable<string> arguments, string work)
    {
        var (exit, output) = Toolchain.Invoke(toolchain.Compiler, arguments, work);
        if (exit != 0)
        {
            throw new TargetBuildException($"compiling {what} failed ({toolchain.Version})", output);
        }
    }

    /// <summary>A short hash of <paramref name="texts"/>, the C sources next to the adapter, the toolchain and <paramref name="flags"/>.</summary>
    public static string Key(Toolchain toolchain, IEnumerable<string> flags, params string[] texts)
    {
        var inputs = new StringBuilder()
            .Append(toolchain.Version).Append('\0')
            .Append(string.Join(' ', flags)).Append('\0');
        foreach (var text in texts)
        {
            inputs.Append(text).Append('\0');
        }

        foreach (var file in CSources.Files)
        {
            inputs.Append(Path.GetRelativePath(CSources.Root, file)).Append('\0').Append(File.ReadAllText(file)).Append('\0');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inputs.ToString())))[..16];
    }
}

/// <summary>
/// The transport or its harness did not build. The message holds the tool's own output up to
/// <see cref="ExcerptLines"/> lines of at most <see cref="LineLength"/> characters each — a binary given as a source
/// makes megabytes of it, which every rule of the target would repeat — and, once the build kept it, the file
/// with all of it.
/// </summary>
public sealed class TargetBuildException : Exception
{
    public const int ExcerptLines = 20;
    public const int LineLength = 200;

    public TargetBuildException(string headline, string output)
        : this(headline, output, null)
    {
    }

    private TargetBuildException(string headline, string output, string? log)
        : base(Format(headline, output, log))
    {
        Headline = headline;
        Output = output;
    }

    public string Headline { get; }

    /// <summary>Everything the tool printed.</summary>
    public string Output { get; }

    /// <summary>The same failure with its whole output written to <paramref name="log"/>, which the message names.</summary>
    public TargetBuildException KeptIn(string log)
    {
        File.WriteAllText(log, Output);
        return new TargetBuildException(Headline, Output, log);
    }

    private static string Format(string headline, string output, string? log)
    {
        var lines = output.Split('\n');
        var shown = lines.Take(ExcerptLines).Select(l => l.Length > LineLength ? $"{l[..LineLength]} …" : l).ToArray();
        var whole = shown.Length == lines.Length && lines.All(l => l.Length <= LineLength);
        var rest = whole ? string.Empty
            : $"\n… ({lines.Length} lines, {output.Length:N0} characters in all{(log is null ? string.Empty : $"; all of it is in {log}")})";
        return $"{headline}:\n{string.Join('\n', shown)}{rest}";
    }
}
