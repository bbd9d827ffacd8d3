using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Native;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Tests.Bindings;

/// <summary>The edk2 subset the edk2 target is built from (../shared/implementations/edk2), and targets built from it or from a copy.</summary>
internal static class Edk2Tree
{
    public static readonly string Root = Path.GetFullPath(Path.Combine(Native.NativeTargets.Root, "..", "shared", "implementations", "edk2"));

    /// <summary>ArmFfaLib's common code, where its direct messaging lives.</summary>
    public const string Common = "MdeModulePkg/Library/ArmFfaLib/ArmFfaCommon.c";

    /// <summary>The host toolchain, once the tree is known to be there; the test is skipped with the reason otherwise.</summary>
    public static Toolchain Require()
    {
        if (!Directory.Exists(Root))
        {
            Prerequisite.Missing($"the edk2 subset is not at {Root}");
        }

        var toolchain = Toolchain.Host(out var missing);
        if (toolchain is null)
        {
            Prerequisite.Missing($"bindings are built with the host C compiler: {missing}");
        }

        return toolchain!;
    }

    /// <summary>A copy of the tree under <paramref name="folder"/>, to change without touching the original.</summary>
    public static string CopyTo(string folder)
    {
        var copy = Path.Combine(folder, "edk2");
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(copy, Path.GetRelativePath(Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return copy;
    }

    /// <summary>The edk2 target over <paramref name="tree"/>, as configuration makes it (the binding's version unless <paramref name="version"/> is set).</summary>
    public static ITarget Target(string tree, string buildRoot, string? version = null)
    {
        var keys = new Dictionary<string, string> { ["Adapter"] = "native", ["Binding"] = "edk2", ["Source"] = tree, ["HangTimeoutMs"] = "500" };
        if (version is not null)
        {
            keys["Version"] = version;
        }

        var configured = version is not null && FfaVersion.TryParse(version, out var parsed) ? parsed : FfaVersion.V1_0;
        return new NativeAdapter().Create(new TargetConfig("edk2-test", configured, keys, Native.NativeTargets.Root, buildRoot));
    }
}
