using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Linux;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.Linux;

/// <summary>Linux targets for the self-tests, built into the checkout's build cache; what they need is a <see cref="Prerequisite"/>.</summary>
internal static class LinuxTargets
{
    private static string BuildRoot => Path.Combine(NativeTargets.Root, "artifacts", "build");

    /// <summary>The shipped driver, or a mutant of it; a missing tool or package ignores the test with the skip reason.</summary>
    public static LinuxTarget Create(string name, Func<string, string>? mutate = null, TimeSpan? hangTimeout = null)
    {
        try
        {
            return LinuxTarget.Create(name, FfaVersion.V1_3, new LinuxOptions(null, BuildRoot, hangTimeout ?? LinuxOptions.DefaultHangTimeout) { Mutate = mutate });
        }
        catch (TargetUnavailableException e) when (e.Skip)
        {
            Prerequisite.Missing(e.Message);
            throw;
        }
    }

    /// <summary>A kernel tree as a user keeps one — drivers/firmware/arm_ffa and include/linux/arm_ffa.h — holding the packaged driver, in a fresh folder.</summary>
    public static string UserTree()
    {
        var kernel = Kernel();
        var tree = Directory.CreateTempSubdirectory("ffa-kernel-tree-").FullName;
        var driver = Directory.CreateDirectory(Path.Combine(tree, "drivers", "firmware", "arm_ffa")).FullName;
        foreach (var file in Directory.GetFiles(kernel.DriverSource))
        {
            File.Copy(file, Path.Combine(driver, Path.GetFileName(file)));
        }

        File.Copy(kernel.SourceFfaHeader, Path.Combine(Directory.CreateDirectory(Path.Combine(tree, "include", "linux")).FullName, "arm_ffa.h"));
        return tree;
    }

    /// <summary>Debian's kernel, fetched and unpacked into the build cache; a missing tool or package ignores the test.</summary>
    public static LinuxKernel Kernel()
    {
        try
        {
            return LinuxKernel.Prepare(BuildRoot, "linux-kernel");
        }
        catch (TargetUnavailableException e) when (e.Skip)
        {
            Prerequisite.Missing(e.Message);
            throw;
        }
    }
}
