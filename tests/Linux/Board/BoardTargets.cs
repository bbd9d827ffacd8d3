using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Linux.Board;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.Linux.Board;

/// <summary>linux-board targets on a <see cref="StandInBoard"/>, as a lab configures one, and what the tests run on them.</summary>
internal static class BoardTargets
{
    /// <summary>Fewer calls per case than a run's default: every call is an SSH round trip, and a livelock runs to the budget.</summary>
    public static readonly RunOptions Options = SettingsLoader.DefaultOptions with { MaxTest = 100, CallBudget = 64 };

    public static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    public static BoardTarget Create(StandInBoard board, BoardMode mode, string name)
    {
        try
        {
            return BoardTarget.Create(name, FfaVersion.V1_3, new BoardOptions(
                "root@127.0.0.1", board.Port, board.IdentityFile, board.KnownHosts, mode, null, board.DriverSymbols,
                Path.Combine(NativeTargets.Root, "artifacts", "build"), TimeSpan.FromSeconds(5)));
        }
        catch (TargetUnavailableException e) when (e.Skip)
        {
            Prerequisite.Missing(e.Message);
            throw;
        }
    }

    /// <summary>Every rule of the catalogue on <paramref name="target"/>.</summary>
    public static IReadOnlyList<RuleResult> CheckAll(ITarget target) => [.. RuleCatalogue.All.Select(rule => Runner.Check(target, rule, Options))];

    /// <summary>The rules the packaged driver is known to fail (expectations/linux.json, checked on the linux target).</summary>
    public static IReadOnlySet<string> KnownFailures => ExpectationsFile.Load(Path.Combine(NativeTargets.Root, "expectations", "linux.json")).Keys.ToHashSet();
}
