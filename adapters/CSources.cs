namespace FfaConformance.Adapters;

/// <summary>The C sources the native and QEMU adapters build from, copied next to the adapter assembly (adapters/c).</summary>
public static class CSources
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "c");

    public static string Shim => Path.Combine(Root, "shim");

    public static string Core => Path.Combine(Root, "core");

    /// <summary>What U-Boot gives the transport besides its own files; linked into every build of a transport.</summary>
    public static string UbootServices => Path.Combine(Core, "uboot_services.c");

    /// <summary>Every C source file, for build cache keys.</summary>
    public static IEnumerable<string> Files => Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
}
