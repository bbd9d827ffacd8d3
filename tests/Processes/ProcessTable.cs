namespace FfaConformance.Tests.Processes;

/// <summary>What /proc says about processes: whether one is alive, which are another's children and descendants, what they run.</summary>
internal static class ProcessTable
{
    /// <summary>Whether a process with this ID still exists (and is not a zombie).</summary>
    public static bool Alive(int pid)
    {
        try
        {
            var status = $"/proc/{pid}/status";
            return File.Exists(status) && !File.ReadAllText(status).Contains("State:\tZ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;   // it ended while we looked
        }
    }

    public static int[] ChildrenOf(int parent) => [.. All().Where(pid => ParentOf(pid) == parent)];

    /// <summary>Every process below <paramref name="ancestor"/>, at any depth.</summary>
    public static int[] DescendantsOf(int ancestor)
    {
        var found = new List<int>();
        var frontier = new Queue<int>([ancestor]);
        var parents = All().Select(pid => (Pid: pid, Parent: ParentOf(pid))).ToArray();
        while (frontier.TryDequeue(out var next))
        {
            foreach (var (pid, _) in parents.Where(p => p.Parent == next))
            {
                found.Add(pid);
                frontier.Enqueue(pid);
            }
        }

        return [.. found];
    }

    /// <summary>The processes whose command line contains <paramref name="text"/>.</summary>
    public static int[] Running(string text) => [.. All().Where(pid => Alive(pid) && CommandLine(pid).Contains(text, StringComparison.Ordinal))];

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static IEnumerable<int> All() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(name => int.TryParse(name, out _)).Select(int.Parse!);

    private static int? ParentOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
            return line is null ? null : int.Parse(line[5..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;   // the process ended while we looked
        }
    }
}
