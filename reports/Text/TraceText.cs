using System.Text;
using FfaConformance.Records;

namespace FfaConformance.Reports.Text;

/// <summary>
/// A case's trace as text, for a failing test's message and JUnit XML: the boot-time calls, then per step each
/// conduit call the target issued (non-zero registers) and what the secure world answered, and how it ended.
/// The HTML report draws the same records as tables (<see cref="Html.TraceTable"/>).
/// </summary>
public static class TraceText
{
    public static string Render(CaseRecord run)
    {
        var text = new StringBuilder();
        if (run.Boot.Count > 0)
        {
            text.Append("boot:");
            for (var c = 0; c < run.Boot.Count; c++)
            {
                text.Append("\n    #").Append(c + 1).Append(' ').Append(Call(run.Boot[c]));
            }

            text.Append('\n');
        }

        for (var i = 0; i < run.Steps.Count; i++)
        {
            var step = run.Steps[i];
            text.Append("step ").Append(i + 1).Append(':');
            for (var c = 0; c < step.Calls.Count; c++)
            {
                text.Append("\n    #").Append(c + 1).Append(' ').Append(Call(step.Calls[c]));
            }

            text.Append("\n    ").Append(step.Outcome).Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>"SMC FFA_MSG_SEND_DIRECT_REQ_32 [x0=0x8400006F x1=0x8001] → FFA_SUCCESS_32 [x0=0x84000061]".</summary>
    public static string Call(CallRecord call) =>
        $"{call.Conduit} {call.Issued} [{Registers(call.X)}] → " + (call.Answer is { } answer ? $"{call.Answered} [{Registers(answer)}]" : "(stopped: the harness gave no answer)");

    private static string Registers(IReadOnlyList<string> x) =>
        string.Join(' ', x.Select((value, i) => (value, i)).Where(p => p.i == 0 || p.value != "0x0").Select(p => $"x{p.i}={p.value}"));
}
