namespace FfaConformance.Scenarios.Answers;

/// <summary>The classes of reply a normal-world caller can receive for a direct request (<see cref="Abi.DirectRequestReplies"/>), and any other w0.</summary>
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
