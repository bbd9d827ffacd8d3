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
}
