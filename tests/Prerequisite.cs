using System.Diagnostics.CodeAnalysis;

namespace FfaConformance.Tests;

/// <summary>
/// What a self-test needs. A tool or input missing from the machine ignores the test with the reason — except in
/// CI, where .ci/run installs every tool (tools/test) and the seed patch is kept beside the checkout
/// (../shared/seed), so a missing one is a failure: no target's tests can pass CI by not running.
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
