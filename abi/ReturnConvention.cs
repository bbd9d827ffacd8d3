namespace FfaConformance.Abi;

/// <summary>
/// How an implementation's return values stand for <see cref="CallOutcome"/>s: the value it must return for each,
/// which values refuse a call, and what a value it returned means, shown next to the value in findings
/// ("-EINVAL (invalid parameters or a protocol error)"). <see cref="Errno"/> is U-Boot's and Linux's.
/// </summary>
public sealed class ReturnConvention
{
    private readonly Func<CallOutcome, int> valueFor;
    private readonly Func<int, bool> refuses;
    private readonly Func<int, string> name;

    private ReturnConvention(string refusal, Func<CallOutcome, int> valueFor, Func<int, bool> refuses, Func<int, string> name)
    {
        Refusal = refusal;
        this.valueFor = valueFor;
        this.refuses = refuses;
        this.name = name;
    }

    /// <summary>0 for completed, the negated <see cref="ErrnoTable"/> errno for everything else: any negative value refuses.</summary>
    public static ReturnConvention Errno { get; } = new(
        "a negative errno",
        outcome => outcome == CallOutcome.Completed ? 0 : -(int)ErrnoTable.For(outcome),
        value => value < 0,
        ErrnoTable.Describe);

    /// <summary>What a refusal is in this convention, as a finding expects it.</summary>
    public string Refusal { get; }

    public int ValueFor(CallOutcome outcome) => valueFor(outcome);

    public bool Completes(int value) => value == ValueFor(CallOutcome.Completed);

    public bool Refuses(int value) => refuses(value);

    /// <summary>The value with every outcome it stands for, or alone when it stands for none.</summary>
    public string Describe(int value)
    {
        var meanings = CallOutcomes.All.Where(o => ValueFor(o) == value).Select(CallOutcomes.Describe).ToArray();
        return meanings.Length == 0 ? name(value) : $"{name(value)} ({string.Join(" or ", meanings)})";
    }

    /// <summary>The value <paramref name="outcome"/> must be returned as, with what it means.</summary>
    public string Describe(CallOutcome outcome) => Describe(ValueFor(outcome));
}
