namespace FfaConformance.Runner.Configuration;

/// <summary>One key as one source set it, with the words a user would search for to find that source.</summary>
public sealed record ConfigurationEntry(string Key, string Value, string Origin)
{
    public string[] Segments => Key.Split(':');
}
