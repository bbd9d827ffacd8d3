using NUnit.Framework.Interfaces;

namespace FfaConformance.Suite;

/// <summary>
/// A red conformance result. Its message is the whole evidence; the stack trace of this suite's own test
/// method would only be noise next to it, so there is none.
/// </summary>
public sealed class ConformanceFailure(string message) : ResultStateException(message)
{
    public override ResultState ResultState => ResultState.Failure;

    public override string? StackTrace => null;
}
