using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Answers;

/// <summary>
/// What an answer is relative to: the caller's endpoint ID and the destination as the scenario states them
/// (not as the target encoded them, so that a script replays identically on every target), and the call
/// being answered.
/// </summary>
public readonly record struct AnswerContext(ushort Self, ushort Destination, RegisterSet Issued);
