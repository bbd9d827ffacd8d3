using FfaConformance.Records;
using FfaConformance.Reports.Text;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Runner.Records;

namespace FfaConformance.Tests.Support;

/// <summary>What a user would read for an engine result, for assertion messages: the result's record, rendered as a failing test's message.</summary>
internal static class Messages
{
    private static readonly IReadOnlyDictionary<string, RuleRecord> Rules = RecordBuilder.Rules().ToDictionary(r => r.Id);

    public static string Of(RuleResult result) =>
        FailureText.Format(RecordBuilder.Result(result, Judgement.Of(result, null, DateOnly.MinValue), null, _ => null), Rules[result.RuleId]);
}
