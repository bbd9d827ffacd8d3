namespace FfaConformance.Runner.Records;

/// <summary>The commit a checkout is at, read from .git without running git; null when it cannot be told.</summary>
public static class Checkout
{
    public static string? Commit(string root)
    {
        try
        {
            var git = Path.Combine(root, ".git");
            var head = File.ReadAllText(Path.Combine(git, "HEAD")).Trim();
            if (!head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                return head;
            }

            var reference = head[5..];
            var loose = Path.Combine(git, reference);
            if (File.Exists(loose))
            {
                return File.ReadAllText(loose).Trim();
            }

            var packed = Path.Combine(git, "packed-refs");
            return File.Exists(packed)
                ? File.ReadLines(packed).Select(l => l.Split(' ')).FirstOrDefault(p => p.Length == 2 && p[1] == reference)?[0]
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
