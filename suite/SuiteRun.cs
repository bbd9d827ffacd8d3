using FfaConformance.Adapters;
using FfaConformance.Reports;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Records;
using FfaConformance.Runner.Run;

namespace FfaConformance.Suite;

/// <summary>
/// The conformance run of this test process, made once from the configuration (the defaults file, FFA_
/// environment variables, runsettings parameters): its settings, the one <see cref="ConformanceRun"/>, and
/// the baseline to compare with — or, when the configuration cannot be loaded, the error every test reports
/// and the targets the configuration mentions, so that whatever filter selected them, they fail with it.
/// </summary>
public sealed class SuiteRun
{
    private static readonly Lazy<SuiteRun> Instance = new(Start);

    private SuiteRun(SuiteSettings? settings, ConformanceRun? run, (RunRecord? Run, string? Problem) baseline, string? error, IReadOnlyList<string> mentioned)
    {
        Settings = settings;
        Run = run;
        Baseline = baseline;
        Error = error;
        Mentioned = mentioned;
    }

    public static SuiteRun Current => Instance.Value;

    public static bool Started => Instance.IsValueCreated;

    public SuiteSettings? Settings { get; }

    public ConformanceRun? Run { get; }

    /// <summary>The run to compare with, read before anything runs so a bad file fails the run at once; or why there is none.</summary>
    public (RunRecord? Run, string? Problem) Baseline { get; }

    /// <summary>The configuration error, when there is one.</summary>
    public string? Error { get; }

    /// <summary>With a configuration error: the target names it mentions, however broken.</summary>
    public IReadOnlyList<string> Mentioned { get; }

    private static SuiteRun Start()
    {
        // As early as the test host starts: a `dotnet test` killed from here on takes this run with it.
        Lifeline.Start();
        var parameters = TestContext.Parameters.Names.Select(name => KeyValuePair.Create(name, TestContext.Parameters[name])).ToArray();
        try
        {
            var settings = SettingsLoader.Load(parameters);
            var baseline = settings.Baseline switch
            {
                null => ((RunRecord?)null, (string?)"No baseline run was given (Run:Baseline is empty)."),
                SuiteSettings.PreviousRun => RunArtifacts.Previous(settings.ResultsDirectory),
                var path => (Read(path), null),
            };
            return new SuiteRun(settings, new ConformanceRun(SuitePlan.From(settings)), baseline, null, []);
        }
        catch (ConfigurationException e)
        {
            return new SuiteRun(null, null, (null, null), e.Message, SettingsLoader.MentionedTargets(parameters));
        }
    }

    private static RunRecord Read(string path)
    {
        try
        {
            return RunRecordFile.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new ConfigurationException($"Run:Baseline: {e.Message}");
        }
    }
}
