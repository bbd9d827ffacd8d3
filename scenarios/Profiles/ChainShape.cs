namespace FfaConformance.Scenarios.Profiles;

/// <summary>
/// How long the INTERRUPT/YIELD chain before the final answer is: depth 0 with weight <see cref="EmptyWeight"/>,
/// otherwise one of the buckets 1, 2–3, 4–7, 8…<see cref="MaxDepth"/> with equal weight, so that every bucket
/// is sampled.
/// </summary>
public sealed record ChainShape(int EmptyWeight, int MaxDepth, IReadOnlyList<Weighted<LinkKind>> Links)
{
    public static readonly ChainShape None = new(1, 0, []);

    public static readonly IReadOnlyList<(int Low, int High)> Buckets = [(1, 1), (2, 3), (4, 7), (8, int.MaxValue)];

    public static string BucketOf(int depth) => depth switch
    {
        0 => "depth 0",
        1 => "depth 1",
        <= 3 => "depth 2–3",
        <= 7 => "depth 4–7",
        _ => "depth ≥8",
    };
}
