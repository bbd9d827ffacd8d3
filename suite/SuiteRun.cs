using FfaConformance.Adapters;
using FfaConformance.Records;
using FfaConformance.Reports;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Records;
using FfaConformance.Runner.Run;

namespace FfaConformance.Suite;

/// <summary>
/// The conformance run of this test process, made from the configuration (the defaults file, FFA_ environment
/// variables, runsettings parameters). Discovering the tests only reads the configuration: the targets, or the
/// error every test will fail with and the targets the configuration mentions, so that whatever filter selected
/// them, they fail with it. The run itself begins when the first test runs (<see cref="Begin"/>) — never for a
/// listing or an IDE's discovery: it holds its results folder, reads the baseline, opens its journal, and replaces
/// the outputs with ones that fail every rule as not checked yet, so that a run that never finishes leaves no
/// earlier run's passes where a lab reads them. A run that cannot begin — a configuration error, a results folder
/// that cannot be used or is another run's — fails every test with one line; where the results folder can be
/// told and held, the outputs say the same.
/// </summary>
public sealed class SuiteRun
{
    private static readonly Lazy<SuiteRun> Instance = new(Load);
    private readonly IReadOnlyList<KeyValuePair<string, string?>> parameters;
    private readonly Lazy<(ConformanceRun? Run, string? Error)> begun;

    private SuiteRun(IReadOnlyList<KeyValuePair<string, string?>> parameters, SuiteSettings? settings, string? error, IReadOnlyList<string> mentioned)
    {
        this.parameters = parameters;
        Settings = settings;
        Error = error;
        Mentioned = mentioned;
        begun = new(Start);
    }

    public static SuiteRun Current => Instance.Value;

    public SuiteSettings? Settings { get; }

    /// <summary>The configuration error, when there is one.</summary>
    public string? Error { get; }

    /// <summary>With a configuration error: the target names it mentions, however broken.</summary>
    public IReadOnlyList<string> Mentioned { get; }

    /// <summary>The run, once a test has begun it; null when none has, or it could not begin.</summary>
    public ConformanceRun? Run => begun.IsValueCreated ? begun.Value.Run : null;

    /// <summary>The run to compare with, read as the run begins; or why there is none.</summary>
    public (RunRecord? Run, string? Problem) Baseline { get; private set; }

    /// <summary>The results folder, held until the process ends: another run given it is refused.</summary>
    private static ResultsFolder? Held { get; set; }

    /// <summary>The run, begun by the first test that asks; or the one line every test fails with when it cannot begin.</summary>
    public (ConformanceRun? Run, string? Error) Begin() => begun.Value;

    private static SuiteRun Load()
    {
        var parameters = TestContext.Parameters.Names.Select(name => KeyValuePair.Create(name, TestContext.Parameters[name])).ToArray();
        try
        {
            return new SuiteRun(parameters, SettingsLoader.Load(parameters), null, []);
        }
        catch (ConfigurationException e)
        {
            return new SuiteRun(parameters, null, e.Message, SettingsLoader.MentionedTargets(parameters));
        }
    }

    private (ConformanceRun?, string?) Start()
    {
        // As early as a test runs: a `dotnet test` killed from here on takes this run with it.
        Lifeline.Start();
        var started = DateTimeOffset.UtcNow;
        if (Settings is not { } settings)
        {
            return Refused(Error!, Mentioned, SettingsLoader.ResultsDirectoryOf(parameters), started);
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
        try
        {
            Baseline = settings.Baseline switch
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

        if (Baseline.Problem is { } problem)
        {
            run.Note(problem);
        }

        return (run, null);
    }

    /// <summary>
    /// A run refused for <paramref name="error"/>: every test fails with it, and so do the outputs in
    /// <paramref name="results"/> for <paramref name="targets"/>, when the folder is known and this run can hold it.
    /// </summary>
    private static (ConformanceRun?, string?) Refused(string error, IReadOnlyList<string> targets, string? results, DateTimeOffset started)
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
                RunArtifacts.Write(RecordBuilder.Unchecked(info, targets.Select(t => (t, string.Empty, string.Empty, (int?)null)), $"configuration error: {error}"), results, null, null);
            }
            catch (Exception e) when (e is ConfigurationException or IOException)
            {
                // The error every test reports is the one to fix first; the outputs follow it once it is.
            }
        }

        return (null, $"configuration error: {error}");
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
