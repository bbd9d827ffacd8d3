using FfaConformance.Abi;
using FfaConformance.Adapters.Qemu.Elf;
using FfaConformance.Adapters.Qemu.Firmware;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Adapters.Sources;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.Qemu;

/// <summary>QEMU targets for the self-tests; QEMU and the cross compiler are a <see cref="Prerequisite"/>.</summary>
internal static class QemuTargets
{
    private static string BuildRoot => Path.Combine(NativeTargets.Root, "artifacts", "build");

    /// <summary>Cases per rule on a QEMU target: what the shipped c-reference-qemu target runs (config/ffa.defaults.json).</summary>
    public static int MaxTest => RunModel.Runs.Settings().Targets.Single(t => t.Name == "c-reference-qemu").MaxTest
        ?? throw new InvalidOperationException("config/ffa.defaults.json gives c-reference-qemu no MaxTest");

    public static void RequireQemu()
    {
        if (Toolchain.Find(FirmwareBuild.CrossPrefix, out var compiler) is null)
        {
            Prerequisite.Missing($"QEMU targets need an aarch64 cross compiler: {compiler}");
        }

        if (Toolchain.Qemu(out var qemu) is null)
        {
            Prerequisite.Missing($"QEMU targets need QEMU: {qemu}");
        }
    }

    /// <summary>Ignores the test unless the tools of <paramref name="adapter"/> ("native" or "qemu") are here.</summary>
    public static void RequireToolsOf(string adapter)
    {
        NativeTargets.RequireToolchain();
        if (adapter == QemuTarget.AdapterName)
        {
            RequireQemu();
        }
    }

    public static QemuTarget Create(string name, string source, FfaVersion version, TimeSpan? hangTimeout = null) =>
        QemuTarget.Create(name, version, new QemuOptions(source, BuildRoot, hangTimeout ?? QemuOptions.DefaultHangTimeout), sourceRequired: true);

    /// <summary>The source in our firmware as BL33 under real TF-A firmware.</summary>
    public static QemuTarget UnderRealSecureWorld(string name, string source, FfaVersion version, RealSecureWorld world, TimeSpan? hangTimeout = null) =>
        QemuTarget.Create(name, version, new QemuOptions(source, BuildRoot, hangTimeout ?? QemuOptions.DefaultHangTimeout) { SecureWorld = world }, sourceRequired: true);

    /// <summary>The ExitBootServices notify of the C reference (and of mutants made from it).</summary>
    public const string ReferenceNotify = "ref_exit_boot_services";

    public static QemuTarget FromText(string name, string text, FfaVersion version, TimeSpan? hangTimeout = null) =>
        Create(name, Write(name, text), version, hangTimeout);

    /// <summary>A qemu-elf target for an ELF built from <paramref name="source"/> as a user's build would lay it out.</summary>
    public static QemuElfTarget Elf(string name, string source, FfaVersion version, string notify, TimeSpan? hangTimeout = null) =>
        QemuElfTarget.Create(name, version, Options(UserElfBuild.Build(source, BuildRoot), notify, hangTimeout), required: true);

    /// <summary>The same, linked at 0 as a position-independent image, as qemu_arm64_defconfig links U-Boot.</summary>
    public static QemuElfTarget ElfAtZeroFromText(string name, string text, FfaVersion version, string notify) =>
        QemuElfTarget.Create(name, version, Options(UserElfBuild.BuildAtZero(Write(name, text), BuildRoot), notify), required: true);

    public static QemuElfTarget ElfFromText(string name, string text, FfaVersion version, string notify, TimeSpan? hangTimeout = null) =>
        Elf(name, Write(name, text), version, notify, hangTimeout);

    public static QemuElfOptions Options(string firmware, string notify, TimeSpan? hangTimeout = null) => new(
        firmware,
        QemuElfOptions.DefaultRuntimeEntry,
        QemuElfOptions.DefaultBootEntry,
        notify,
        [QemuElfOptions.DefaultRuntimeSections],
        BuildRoot,
        hangTimeout ?? QemuElfOptions.DefaultHangTimeout);

    private static string Write(string name, string text)
    {
        var directory = Directory.CreateDirectory(Path.Combine(BuildRoot, "sources", name)).FullName;
        var file = Path.Combine(directory, $"{name}.c");
        File.WriteAllText(file, text);
        return file;
    }
}
