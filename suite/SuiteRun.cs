using FfaConformance.Adapters;
using FfaConformance.Reports;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Records;
using FfaConformance.Runner.Run;

namespace FfaConformance.Suite;

/// <summary>
/// The conformance run of this test process, made once from the configuration (the defaults file, FFA_
/// environment variables, runsettings parameters): its settings, the results folder it holds, the one
/// <see cref="ConformanceRun"/>, and the baseline to compare with. As it starts, the run's outputs are replaced by
/// ones that fail every rule as not checked yet, so that a run that never finishes leaves no earlier run's passes
/// where a lab reads them. When the configuration cannot be loaded, or the results folder cannot be used, every
/// test reports the one error, for the targets the configuration mentions, whatever filter selected them; and,
/// where the results folder can be told and held, the outputs say the same.
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

    /// <summary>The results folder, held until the process ends: another run given it is refused.</summary>
    private static ResultsFolder? Held { get; set; }

    private static SuiteRun Start()
    {
        // As early as the test host starts: a `dotnet test` killed from here on takes this run with it.
        Lifeline.Start();
        var started = DateTimeOffset.UtcNow;
        var parameters = TestContext.Parameters.Names.Select(name => KeyValuePair.Create(name, TestContext.Parameters[name])).ToArray();
        SuiteSettings settings;
        try
        {
            settings = SettingsLoader.Load(parameters);
        }
        catch (ConfigurationException e)
        {
            var mentioned = SettingsLoader.MentionedTargets(parameters);
            return Refused(e.Message, mentioned, SettingsLoader.ResultsDirectoryOf(parameters), started);
        }

        var names = settings.Targets.Select(t => t.Name).ToArray();
        try
        {
            Held = ResultsFolder.Claim(settings.ResultsDirectory, settings.Show("Run:ResultsDirectory"));
        }
        catch (ConfigurationException e)
        {
            // Unusable or another run's: nothing of this run goes there.
            return Refused(e.Message, names, null, started);
        }

        ConformanceRun run;
        (RunRecord?, string?) baseline;
        try
        {
            baseline = settings.Baseline switch
            {
                null => (null, "No baseline run was given (Run:Baseline is empty)."),
                SuiteSettings.PreviousRun => RunArtifacts.Previous(settings.ResultsDirectory),
                var path => (Read(path), null),
            };
            run = new ConformanceRun(SuitePlan.From(settings));
        }
        catch (ConfigurationException e)
        {
            return Refused(e.Message, names, settings.ResultsDirectory, started);
        }
        catch (IOException e)
        {
            return Refused($"{settings.Show("Run:ResultsDirectory")} cannot be used: its run journal cannot be opened ({e.Message})", names, null, started);
        }

        try
        {
            RunArtifacts.Write(run.Unfinished(), settings.ResultsDirectory, null, null);
        }
        catch (IOException e)
        {
            run.Dispose();
            return Refused($"{settings.Show("Run:ResultsDirectory")} cannot be used: {e.Message}; accepted: a folder whose results files this user can replace", names, null, started);
        }

        if (baseline.Item2 is { } problem)
        {
            run.Note(problem);
        }

        return new SuiteRun(settings, run, baseline, null, []);
    }

    /// <summary>
    /// A run refused for <paramref name="error"/>: every test of <paramref name="targets"/> fails with it, and so do
    /// the outputs in <paramref name="results"/>, when it is known and this run can hold it.
    /// </summary>
    private static SuiteRun Refused(string error, IReadOnlyList<string> targets, string? results, DateTimeOffset started)
    {
        if (results is not null)
        {
            try
            {
                Held ??= ResultsFolder.Claim(results, "Run:ResultsDirectory");
                var (host, runtime) = RecordBuilder.Environment();
                var info = new RunInfo($"{started:yyyyMMdd-HHmmss}", started, DateTimeOffset.UtcNow, host, runtime, null, 0, 0, string.Empty, null, Complete: false)
                {
                    Notes = [$"configuration error: {error}"],
                };
                RunArtifacts.Write(RecordBuilder.Unchecked(info, targets.Select(t => (t, string.Empty, string.Empty)), $"configuration error: {error}"), results, null, null);
            }
            catch (Exception e) when (e is ConfigurationException or IOException)
            {
                // The error every test reports is the one to fix first; the outputs follow it once it is.
            }
        }

        return new SuiteRun(null, null, (null, null), error, targets);
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
