namespace FfaConformance.Abi;

/// <summary>
/// How an implementation's return values stand for <see cref="CallOutcome"/>s: the value it must return for each,
/// which values refuse a call, and what a value it returned means, shown next to the value in findings
/// ("-EINVAL (invalid parameters or a protocol error)"). <see cref="Errno"/> is U-Boot's and Linux's,
/// <see cref="EfiStatus"/> edk2's. Values are the implementation's own, widened to 64 bits.
/// </summary>
public sealed class ReturnConvention
{
    private readonly Func<CallOutcome, long> valueFor;
    private readonly Func<long, bool> refuses;
    private readonly Func<long, string> name;

    private ReturnConvention(string id, string refusal, Func<CallOutcome, long> valueFor, Func<long, bool> refuses, Func<long, string> name)
    {
        Id = id;
        Refusal = refusal;
        this.valueFor = valueFor;
        this.refuses = refuses;
        this.name = name;
    }

    /// <summary>0 for completed, the negated <see cref="ErrnoTable"/> errno for everything else: any negative value refuses.</summary>
    public static ReturnConvention Errno { get; } = new(
        "errno",
        "a negative errno",
        outcome => outcome == CallOutcome.Completed ? 0 : -(int)ErrnoTable.For(outcome),
        value => value < 0,
        value => value is >= int.MinValue and <= int.MaxValue ? ErrnoTable.Describe((int)value) : $"{value}");

    /// <summary>EFI_SUCCESS for completed, <see cref="Abi.EfiStatus.For"/> for everything else: any EFI_ERROR() status refuses.</summary>
    public static ReturnConvention EfiStatus { get; } = new(
        "efi-status",
        "an EFI_STATUS error",
        Abi.EfiStatus.For,
        Abi.EfiStatus.IsError,
        Abi.EfiStatus.Describe);

    /// <summary>Every convention, by <see cref="Id"/>.</summary>
    public static IReadOnlyList<ReturnConvention> All { get; } = [Errno, EfiStatus];

    /// <summary>How bindings name it: "errno", "efi-status".</summary>
    public string Id { get; }

    /// <summary>What a refusal is in this convention, as a finding expects it.</summary>
    public string Refusal { get; }

    public long ValueFor(CallOutcome outcome) => valueFor(outcome);

    public bool Completes(long value) => value == ValueFor(CallOutcome.Completed);

    public bool Refuses(long value) => refuses(value);

    /// <summary>The value with every outcome it stands for, or alone when it stands for none.</summary>
    public string Describe(long value)
    {
        var meanings = CallOutcomes.All.Where(o => ValueFor(o) == value).Select(CallOutcomes.Describe).ToArray();
        return meanings.Length == 0 ? name(value) : $"{name(value)} ({string.Join(" or ", meanings)})";
    }

    /// <summary>The value <paramref name="outcome"/> must be returned as, with what it means.</summary>
    public string Describe(CallOutcome outcome) => Describe(ValueFor(outcome));
}
