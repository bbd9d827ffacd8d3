using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Native;
using FfaConformance.Adapters.Sources;
using FfaConformance.Runner.Configuration;

namespace FfaConformance.Tests.Native;

/// <summary>Native targets for the self-tests, built into the checkout's build cache; the toolchain is a <see cref="Prerequisite"/>.</summary>
internal static class NativeTargets
{
    public static readonly string Root = SettingsLoader.FindRepositoryRoot();

    public static readonly string Reference = Path.Combine(Root, "adapters", "c", "reference", "ffa_runtime_reference.c");

    public static readonly string Seed = Path.GetFullPath(Path.Combine(Root, "..", "shared", "seed"));

    private static string BuildRoot => Path.Combine(Root, "artifacts", "build");

    public static void RequireToolchain()
    {
        if (Toolchain.Host(out var missing) is null)
        {
            Prerequisite.Missing($"native targets need a C toolchain: {missing}");
        }
    }

    public static void RequireSeed()
    {
        if (!Directory.Exists(Seed))
        {
            Prerequisite.Missing($"the seed patch is not present at {Seed} (the project's CI keeps it there, beside the checkout)");
        }
    }

    public static NativeTarget Create(string name, string source, FfaVersion version, TimeSpan? hangTimeout = null) =>
        NativeTarget.Create(name, version, new NativeOptions(source, BuildRoot, hangTimeout ?? NativeOptions.DefaultHangTimeout), sourceRequired: true);

    /// <summary>A target for <paramref name="text"/> written to a .c file of its own in a fresh directory.</summary>
    public static NativeTarget FromText(string name, string text, FfaVersion version, TimeSpan? hangTimeout = null)
    {
        var directory = Directory.CreateDirectory(Path.Combine(BuildRoot, "sources", name)).FullName;
        var file = Path.Combine(directory, $"{name}.c");
        File.WriteAllText(file, text);
        return Create(name, file, version, hangTimeout);
    }

    /// <summary>The C reference made slow: every request first spins <paramref name="spins"/> times (20,000,000 is about 10–20 ms here).</summary>
    public static string SlowReference(ulong spins = 20_000_000) => File.ReadAllText(Reference).Replace(
        "int __efi_runtime ffa_sync_send_receive_runtime(u16 dst_part_id, struct ffa_send_direct_data *msg, bool is_smc64)\n{\n",
        $"int __efi_runtime ffa_sync_send_receive_runtime(u16 dst_part_id, struct ffa_send_direct_data *msg, bool is_smc64)\n{{\n\tfor (volatile unsigned long spin = 0; spin < {spins}ul; spin++)\n\t\t;\n",
        StringComparison.Ordinal);

    /// <summary>The environment of a run of the slowed C reference in <paramref name="source"/>, alone, as target "slow".</summary>
    public static Dictionary<string, string> SlowRun(string source, string results, int maxTest) => new()
    {
        ["FFA_Targets__slow__Adapter"] = "native",
        ["FFA_Targets__slow__Source"] = source,
        ["FFA_Targets__slow__Version"] = "1.2",
        ["FFA_Run__Targets"] = "slow",
        ["FFA_Run__MaxTest"] = maxTest.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FFA_Run__ResultsDirectory"] = results,
    };

    public static TargetUnavailableException Unavailable(Action create) => Assert.Throws<TargetUnavailableException>(() => create())!;
}
