using FfaConformance.Runner.Configuration;

namespace FfaConformance.Runner.Run;

/// <summary>
/// A run's results folder, held by the run for as long as it goes on (an exclusive lock on a file in it, which the
/// system drops when the process ends, however it ends): a second run given the same folder is refused at once,
/// rather than running without a journal and overwriting the first's results. A folder that cannot be made or
/// written is refused the same way, as a configuration error naming the key.
/// </summary>
public sealed class ResultsFolder : IDisposable
{
    public const string LockFile = ".ffa-run.lock";

    private readonly FileStream held;

    private ResultsFolder(string path, FileStream held)
    {
        Path = path;
        this.held = held;
    }

    public string Path { get; }

    /// <summary>Claims <paramref name="directory"/>, making it when it is not there; <paramref name="key"/> is how errors name the setting.</summary>
    public static ResultsFolder Claim(string directory, string key)
    {
        const string Accepted = "accepted: a folder this user can make and write, used by one run at a time";
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigurationException($"{key} cannot be used: the folder {directory} cannot be made ({e.Message}); {Accepted}");
        }

        var file = System.IO.Path.Combine(directory, LockFile);
        FileStream held;
        try
        {
            held = new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ConfigurationException($"{key} cannot be used: nothing can be written in {directory} ({e.Message}); {Accepted}");
        }
        catch (IOException) when (File.Exists(file) && !Directory.Exists(file))
        {
            throw new ConfigurationException(
                $"{key} is in use by another run of the suite (it holds {file}); wait for that run to end, or give this run a folder of its own");
        }
        catch (IOException e)
        {
            throw new ConfigurationException($"{key} cannot be used: {file} cannot be made ({e.Message}); {Accepted}");
        }

        return new ResultsFolder(directory, held);
    }

    public void Dispose() => held.Dispose();
}
