namespace FfaConformance.Adapters.Native;

/// <summary>
/// How a native target is built and watched: its source, where builds are cached, and how long the host may
/// go without calling the conduit or returning before the case counts as a hang. <see cref="SourceKey"/> is
/// how messages name the source ("Targets:mine:Source" when it came from configuration).
/// </summary>
public sealed record NativeOptions(string Source, string BuildRoot, TimeSpan HangTimeout)
{
    public static readonly TimeSpan DefaultHangTimeout = TimeSpan.FromMilliseconds(500);

    public string SourceKey { get; init; } = "source";
}
