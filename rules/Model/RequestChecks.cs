namespace FfaConformance.Rules.Model;

/// <summary>The walk <see cref="SendRule"/> and <see cref="Send2Rule"/> share: classes of every exercised request, the first finding.</summary>
internal static class RequestChecks
{
    public static CaseVerdict Each<TView>(
        IEnumerable<TView> requests,
        Func<TView, bool> exercises,
        Func<TView, IEnumerable<string>> classify,
        Func<TView, Finding?> violation)
        where TView : RequestView
    {
        List<string>? classes = null;
        foreach (var request in requests)
        {
            if (!exercises(request))
            {
                continue;
            }

            classes ??= [];
            classes.AddRange(request.StandardClasses());
            classes.AddRange(classify(request));
            if (violation(request) is { } finding)
            {
                return new CaseVerdict(true, finding with { Step = request.Index }, classes);
            }
        }

        return classes is null ? CaseVerdict.NotExercised : new CaseVerdict(true, null, classes);
    }
}
