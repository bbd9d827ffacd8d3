using System.Collections.Immutable;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Scenarios;

/// <summary>
/// The secure world's ordered answers to the conduit calls of one request. <see cref="Forever"/>, when set,
/// answers every call after the listed ones: a secure world that never completes (a livelock).
/// </summary>
public sealed record Script(ImmutableArray<Answer> Answers, Answer? Forever = null)
{
    public static Script Of(params Answer[] answers) => new([.. answers]);

    /// <summary>The answer to call <paramref name="callIndex"/> (0 = the request), or null past the script's end.</summary>
    public Answer? AnswerFor(int callIndex) => callIndex < Answers.Length ? Answers[callIndex] : Forever;

    /// <summary>How many calls the script answers; null when it answers forever.</summary>
    public int? Length => Forever is null ? Answers.Length : null;

    public bool Equals(Script? other) =>
        other is not null && Answers.SequenceEqual(other.Answers) && Equals(Forever, other.Forever);

    public override int GetHashCode() => HashCode.Combine(Answers.Length, Forever);

    public override string ToString()
    {
        var listed = string.Join(" → ", Answers.Select(a => a.ToString()));
        return Forever is null ? listed : $"{listed}{(Answers.IsEmpty ? string.Empty : " → ")}{Forever} forever";
    }
}
