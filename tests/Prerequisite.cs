using System.Diagnostics.CodeAnalysis;

namespace FfaConformance.Tests;

/// <summary>
/// What a self-test needs from the machine. Without it the test is ignored with the reason — except in CI,
/// where .ci/run installs everything (tools/test) and a missing tool is a failure, so that no target's tests
/// can pass CI by not running.
/// </summary>
internal static class Prerequisite
{
    [DoesNotReturn]
    public static void Missing(string reason)
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"CI must run this test: {reason}");
        }

        throw new IgnoreException(reason);
    }
}
