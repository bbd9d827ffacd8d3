namespace FfaConformance.Adapters;

/// <summary>The C sources the native and QEMU adapters build from, copied next to the adapter assembly (adapters/c).</summary>
public static class CSources
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "c");

    public static string Core => Path.Combine(Root, "core");

    /// <summary>Every C source file, for build cache keys.</summary>
    public static IEnumerable<string> Files => Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
}
