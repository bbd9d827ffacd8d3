namespace FfaConformance.Suite;

/// <summary>The run's outputs could not be written: the message says which file and why; a stack trace would add nothing.</summary>
public sealed class RunOutputsException(string message) : Exception(message)
{
    public override string? StackTrace => null;
}
