namespace FfaConformance.Scenarios.Answers;

/// <summary>The classes of reply a normal-world caller can receive for a direct request (fact sheet §3.4).</summary>
public enum AnswerClass
{
    DirectResponse,
    DirectResponse2,
    Error,
    Success,
    Interrupt,
    Yield,
    SmcccUnknown,
    UnknownFunction,
}
