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

    public static int UpdateReadme(string path)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"ffa rules: {path} does not exist; give the README to update");
            return 2;
        }

        File.WriteAllText(path, RuleTable.UpdateReadme(File.ReadAllText(path)));
        return 0;
    }

    public static int Usage(string[] args)
    {
        Console.Error.WriteLine($"ffa: unknown command '{string.Join(' ', args)}'. Accepted:");
        Console.Error.WriteLine("  rules                         print the rule list (Markdown)");
        Console.Error.WriteLine("  rules --update-readme FILE    rewrite the generated rule section of FILE");
        Console.Error.WriteLine("  bench [--seconds N]           checked cases per second: emulator, native, QEMU (N > 0, default 5)");
        Console.Error.WriteLine($"  {ReportCommand.Usage}");
        Console.Error.WriteLine("                                one HTML page (and JUnit XML) from runs, merged, against a baseline");
        Console.Error.WriteLine("  bench-report                  size and time to interactive of a 5-target report of 10,000 cases per rule");
        Console.Error.WriteLine("  screenshot REPORT PNG [r-N]   a PNG of a report, with result r-N's panel open");
        return 2;
    }
}
