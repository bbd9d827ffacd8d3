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
        Console.Error.WriteLine("  bench [--seconds N]           checked cases per second on the emulator target (N > 0, default 5)");
        return 2;
    }
}
