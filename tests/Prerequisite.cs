using System.Diagnostics.CodeAnalysis;

namespace FfaConformance.Tests;

/// <summary>
/// What a self-test needs. A tool missing from the machine ignores the test with the reason — except in CI,
/// where .ci/run installs everything (tools/test) and a missing tool is a failure, so that no target's tests
/// can pass CI by not running. Code under test that a user keeps outside the repository and no install can give
/// (the seed patch, ../shared/seed) ignores the test with the reason in CI too: it may not be there, and the
/// suite's own target for it is skipped the same way.
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

    /// <summary>Code the user keeps outside the repository is not there: the test is ignored with the reason, in CI as well.</summary>
    [DoesNotReturn]
    public static void Absent(string reason) => throw new IgnoreException(reason);
}
