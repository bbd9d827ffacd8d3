using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FfaConformance.Adapters.Sources;

/// <summary>
/// Reads a new file out of a unified diff, as git format-patch writes it or as a mail archive shows it.
/// Archives write "@" as " at " in addresses; the file's git blob hash on the patch's index line decides
/// which reading is the author's file, so a reconstruction is never guessed.
/// </summary>
public static partial class PatchFile
{
    public static bool CreatesFile(string patch, string fileName) => FindNewFile(patch, fileName) is not null;

    public static string ExtractNewFile(string patch, string fileName, string origin)
    {
        var section = FindNewFile(patch, fileName)
            ?? throw new InvalidDataException($"{origin} creates no file named {fileName}");
        var lines = new List<string>();
        var hunk = false;
        var expected = -1;
        foreach (var line in section.Body)
        {
            if (!hunk)
            {
                var header = HunkHeader().Match(line);
                if (header.Success)
                {
                    hunk = true;
                    expected = header.Groups[1].Success ? int.Parse(header.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                }

                continue;
            }

            if (!line.StartsWith('+'))
            {
                break;
            }

            lines.Add(line[1..]);
        }

        if (!hunk || lines.Count != expected)
        {
            throw new InvalidDataException(
                $"{origin}: the hunk that creates {section.Path} is malformed (expected {expected} added lines, found {lines.Count})");
        }

        var raw = string.Join('\n', lines) + "\n";
        return Verified(raw, section, origin);
    }

    private static string Verified(string raw, (string Path, string? Blob, string[] Body) section, string origin)
    {
        if (section.Blob is null)
        {
            return raw;
        }

        var unmangled = ArchivedAddress().Replace(raw, "$1@$2");
        foreach (var candidate in new[] { raw, unmangled })
        {
            if (BlobHash(candidate).StartsWith(section.Blob, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        throw new InvalidDataException(
            $"{origin}: the text of {section.Path} does not reproduce the patch's index line (blob {section.Blob}, got {BlobHash(raw)[..section.Blob.Length]}); the file was altered in transit");
    }

    /// <summary>git's blob hash: SHA-1 of "blob &lt;length&gt;\0" and the bytes.</summary>
    public static string BlobHash(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var header = Encoding.ASCII.GetBytes($"blob {bytes.Length}\0");
#pragma warning disable CA5350 // git names blobs by SHA-1; this is identification, not security.
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. bytes]));
#pragma warning restore CA5350
    }

    private static (string Path, string? Blob, string[] Body)? FindNewFile(string patch, string fileName)
    {
        var lines = patch.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var diff = DiffHeader().Match(lines[i]);
            if (!diff.Success || !diff.Groups[2].Value.EndsWith("/" + fileName, StringComparison.Ordinal))
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.StartsWith("diff --git ", StringComparison.Ordinal));
            var body = lines[(i + 1)..(end < 0 ? lines.Length : end)];
            if (!body.Any(l => l.StartsWith("new file mode", StringComparison.Ordinal)))
            {
                continue;
            }

            var index = body.Select(l => IndexLine().Match(l)).FirstOrDefault(m => m.Success);
            return (diff.Groups[2].Value, index?.Groups[1].Value, body);
        }

        return null;
    }

    [GeneratedRegex(@"^diff --git a/(\S+) b/(\S+)$")]
    private static partial Regex DiffHeader();

    [GeneratedRegex(@"^index 0+\.\.([0-9a-f]{7,40})")]
    private static partial Regex IndexLine();

    [GeneratedRegex(@"^@@ -0,0 \+1(?:,(\d+))? @@")]
    private static partial Regex HunkHeader();

    [GeneratedRegex(@"([A-Za-z0-9._%+-]+) at ([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})")]
    private static partial Regex ArchivedAddress();
}
