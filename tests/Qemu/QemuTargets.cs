using FfaConformance.Abi;
using FfaConformance.Adapters.Qemu;
using FfaConformance.Adapters.Sources;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.Qemu;

/// <summary>QEMU targets for the self-tests; without QEMU or the cross compiler the tests are ignored with the reason.</summary>
internal static class QemuTargets
{
    private static string BuildRoot => Path.Combine(NativeTargets.Root, "artifacts", "build");

    public static void RequireQemu()
    {
        if (Toolchain.Find(FirmwareBuild.CrossPrefix, out var compiler) is null)
        {
            Assert.Ignore($"QEMU targets need an aarch64 cross compiler: {compiler}");
        }

        if (Toolchain.Qemu(out var qemu) is null)
        {
            Assert.Ignore($"QEMU targets need QEMU: {qemu}");
        }
    }

    public static QemuTarget Create(string name, string source, FfaVersion version, TimeSpan? hangTimeout = null) =>
        QemuTarget.Create(name, version, new QemuOptions(source, BuildRoot, hangTimeout ?? QemuOptions.DefaultHangTimeout), sourceRequired: true);

    public static QemuTarget FromText(string name, string text, FfaVersion version, TimeSpan? hangTimeout = null)
    {
        var directory = Directory.CreateDirectory(Path.Combine(BuildRoot, "sources", name)).FullName;
        var file = Path.Combine(directory, $"{name}.c");
        File.WriteAllText(file, text);
        return Create(name, file, version, hangTimeout);
    }

    /// <summary>Whether a process with this ID still exists (and is not a zombie).</summary>
    public static bool Alive(int pid)
    {
        var status = $"/proc/{pid}/status";
        return File.Exists(status) && !File.ReadAllText(status).Contains("State:\tZ", StringComparison.Ordinal);
    }
}
