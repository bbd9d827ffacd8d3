namespace FfaConformance.Reports;

/// <summary>The copy-paste command that re-runs exactly one failing case on one target.</summary>
public static class Replay
{
    public static string Command(string target, string ruleId, string replay) =>
        $"FFA_Run__Targets={target} FFA_Run__Replay={replay} dotnet test suite --filter \"FullyQualifiedName~{TestName(target, ruleId)}\"";

    /// <summary>The NUnit name of a conformance test: target and rule ID, selectable by either with --filter.</summary>
    public static string TestName(string target, string ruleId) => $"{target}/{ruleId}";
}
