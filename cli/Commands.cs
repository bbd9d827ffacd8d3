using FfaConformance.Reports.Markdown;

namespace FfaConformance.Cli;

/// <summary>The small commands: the rule list and its README section.</summary>
internal static class Commands
{
    public static int Rules()
    {
        Console.WriteLine(RuleTable.Markdown());
        return 0;
    }

    public static int Update(string path)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"ffa rules: {path} does not exist; accepted: the document with the generated rule list ({RuleTable.Document})");
            return 2;
        }

        try
        {
            File.WriteAllText(path, RuleTable.Update(File.ReadAllText(path)));
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"ffa rules: {path}: {e.Message}");
            return 2;
        }
    }

    /// <summary>ffa --help: the commands, on standard output, and success.</summary>
    public static int Help()
    {
        Console.WriteLine("ffa — FfaConformance's command line. Commands:");
        Describe(Console.Out);
        return 0;
    }

    /// <summary>An unknown command: what was given, the commands, on standard error, and failure.</summary>
    public static int Usage(string[] args)
    {
        Console.Error.WriteLine($"ffa: unknown command '{string.Join(' ', args)}'. Accepted:");
        Describe(Console.Error);
        return 2;
    }

    private static void Describe(TextWriter output)
    {
        output.WriteLine("  rules                         print the rule list (Markdown)");
        output.WriteLine($"  rules --update FILE           rewrite the generated rule section of FILE ({RuleTable.Document})");
        output.WriteLine("  bench [--seconds N] [--linux-cold]");
        output.WriteLine("                                checked cases per second: emulator, native, QEMU firmware, linux (N > 0, default 5);");
        output.WriteLine("                                --linux-cold sets the linux target up in an empty build directory");
        output.WriteLine("  bench-journal [--seconds N]   cases/s of the native target with and without the run journal, and its size (default 10)");
        output.WriteLine($"  {ReportCommand.Usage}");
        output.WriteLine("                                one HTML page (and JUnit XML) from runs, merged, against a baseline");
        output.WriteLine("  bench-report                  size and time to interactive of a 5-target report of 10,000 cases per rule");
        output.WriteLine($"  {CorpusCommand.Usage}");
        output.WriteLine("                                the answers a real secure world gave a run's target, into the generators' corpus");
        output.WriteLine("  screenshot REPORT PNG [r-N]   a PNG of a report, with result r-N's panel open");
        output.WriteLine("  --help                        this list");
    }
}
