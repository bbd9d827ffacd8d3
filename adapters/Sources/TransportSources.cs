using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Sources;

/// <summary>Resolving a configured source for an adapter: every problem is one message naming the key and what is accepted.</summary>
public static class TransportSources
{
    private const string Accepted = "accepted: a U-Boot tree, a patch or mail that creates arm-ffa-runtime.c, a directory holding one, or a .c file";

    /// <summary>The source at <paramref name="path"/>; a missing one skips the target unless it is <paramref name="required"/>.</summary>
    public static TransportSource Resolve(string path, string key, bool required)
    {
        try
        {
            return TransportSource.Resolve(path);
        }
        catch (FileNotFoundException) when (!required)
        {
            throw new TargetUnavailableException($"{key} = '{path}' is not present (the target is not required, so it is skipped)", skip: true);
        }
        catch (FileNotFoundException)
        {
            throw new TargetUnavailableException($"{key} = '{path}' does not exist; {Accepted}", skip: false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new TargetUnavailableException($"{key} = '{path}': {e.Message}; {Accepted}", skip: false);
        }
    }
}
