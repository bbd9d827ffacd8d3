using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.Model;

/// <summary>
/// How a conforming caller walks a script at a negotiated version: <see cref="Depth"/> resumptions it must
/// follow, then <see cref="Stop"/>, the first answer it must not or need not resume from (null: none, the
/// script resumes forever).
/// </summary>
public sealed class ScriptFlow
{
    public ScriptFlow(Script script, FfaVersion version)
    {
        var depth = 0;
        while (script.AnswerFor(depth) is { } answer)
        {
            if (ResumeOf(answer, version) != Resume.Required)
            {
                Stop = answer;
                StopResume = ResumeOf(answer, version);
                break;
            }

            if (depth >= script.Answers.Length)
            {
                // Past the listed answers only the repeated one is left, and it resumes: no end.
                IsEndless = true;
                break;
            }

            depth++;
        }

        Depth = depth;
    }

    public int Depth { get; }

    public Answer? Stop { get; }

    public Resume StopResume { get; } = Resume.Required;

    /// <summary>The walk is fully determined: <see cref="Depth"/> resumptions, then a final answer.</summary>
    public bool IsPlain => Stop is not null && StopResume == Resume.Forbidden;

    /// <summary>Every answer asks for another resumption, forever: only a bound ends the request.</summary>
    public bool IsEndless { get; }

    public static Resume ResumeOf(Answer answer, FfaVersion version) => answer switch
    {
        InterruptAnswer i => FfaFunctions.Interrupt.IsDefined(i.Width, version) ? Resume.Required : Resume.Forbidden,
        YieldAnswer y when !FfaFunctions.Yield.IsDefined(y.Width, version) => Resume.Forbidden,
        YieldAnswer => version >= FfaVersion.V1_1 ? Resume.Required : Resume.Optional,
        _ => Resume.Forbidden,
    };
}
