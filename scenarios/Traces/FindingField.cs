using System.Globalization;
using System.Text.Json.Serialization;
using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Traces;

/// <summary>
/// Where a finding points in its step: a register of the call it names (<see cref="X(int)"/>, <see cref="W"/>), how
/// the step ended (<see cref="ReturnValue"/>, <see cref="Message"/>, <see cref="Outcome"/>), or the calls and memory
/// around it. A report highlights the place from <see cref="Register"/> and <see cref="InOutcome"/>, with nothing to
/// parse; <see cref="ToString"/> is the text every output shows and run.json holds (<see cref="FindingFieldJson"/>).
/// </summary>
[JsonConverter(typeof(FindingFieldJson))]
public sealed record FindingField
{
    private const int XWidth = 64;
    private const int WWidth = 32;
    private const string MessageWordText = "message word ";

    private readonly string? unrecognised;

    private FindingField(FieldKind kind, string? unrecognised = null)
    {
        Kind = kind;
        this.unrecognised = unrecognised;
    }

    public static FindingField ReturnValue { get; } = new(FieldKind.ReturnValue);

    public static FindingField Message { get; } = new(FieldKind.Message);

    public static FindingField Outcome { get; } = new(FieldKind.Outcome);

    public static FindingField NextCall { get; } = new(FieldKind.NextCall);

    public static FindingField Calls { get; } = new(FieldKind.Calls);

    public static FindingField CallCount { get; } = new(FieldKind.CallCount);

    public static FindingField IssuedRegisters { get; } = new(FieldKind.IssuedRegisters);

    public static FindingField Conduit { get; } = new(FieldKind.Conduit);

    public static FindingField MemoryAccess { get; } = new(FieldKind.MemoryAccess);

    public static FindingField Address { get; } = new(FieldKind.Address);

    /// <summary>Every field that takes no index.</summary>
    public static IReadOnlyList<FindingField> Named { get; } = [ReturnValue, Message, Outcome, NextCall, Calls, CallCount, IssuedRegisters, Conduit, MemoryAccess, Address];

    public FieldKind Kind { get; }

    /// <summary>The register's index (x1[31:16] → 1); null where the field is no register.</summary>
    public int? Register { get; private init; }

    /// <summary>How many bits the register's name covers: 64 for x, 32 for w; null where the field is no register.</summary>
    public int? Width { get; private init; }

    /// <summary>The bits meant, high and low (x1[31:16] → (31, 16)); null: all the name covers.</summary>
    public (int High, int Low)? Bits { get; private init; }

    /// <summary>The message word's index (message word 2 → 2); null where the field is no message word.</summary>
    public int? Word { get; private init; }

    /// <summary>Whether the field is part of how the step ended, which a trace shows as the step's result.</summary>
    public bool InOutcome => Kind switch
    {
        FieldKind.ReturnValue or FieldKind.Message or FieldKind.MessageWord or FieldKind.Outcome => true,
        FieldKind.Register or FieldKind.NextCall or FieldKind.Calls or FieldKind.CallCount or FieldKind.IssuedRegisters
            or FieldKind.Conduit or FieldKind.MemoryAccess or FieldKind.Address or FieldKind.Unrecognised => false,
    };

    /// <summary>x<paramref name="register"/>, all 64 bits.</summary>
    public static FindingField X(int register) => OfRegister(register, XWidth, null);

    /// <summary>Bits [<paramref name="high"/>:<paramref name="low"/>] of x<paramref name="register"/>.</summary>
    public static FindingField X(int register, int high, int low) => OfRegister(register, XWidth, (high, low));

    /// <summary>w<paramref name="register"/>: the low 32 bits of x<paramref name="register"/>, as an SMC32 call sees them.</summary>
    public static FindingField W(int register) => OfRegister(register, WWidth, null);

    /// <summary>Word <paramref name="word"/> of the caller's message after the send.</summary>
    public static FindingField MessageWord(int word) => word is >= 0 and < DirectMessage2.Words
        ? new(FieldKind.MessageWord) { Word = word }
        : throw new ArgumentOutOfRangeException(nameof(word), word, $"a message has words 0–{DirectMessage2.Words - 1}");

    /// <summary>
    /// The field <see cref="ToString"/> writes as <paramref name="text"/>. Any other text (a run.json from a version
    /// that wrote other fields) is kept as it is and points nowhere, so such a file still reads and writes the same.
    /// </summary>
    internal static FindingField FromText(string text)
    {
        var field = Named.FirstOrDefault(f => f.ToString() == text) ?? RegisterFromText(text) ?? MessageWordFromText(text);
        return field is not null && field.ToString() == text ? field : new(FieldKind.Unrecognised, text);
    }

    public override string ToString() => Kind switch
    {
        FieldKind.Register => $"{(Width == XWidth ? 'x' : 'w')}{Register}{(Bits is { } bits ? $"[{bits.High}:{bits.Low}]" : string.Empty)}",
        FieldKind.MessageWord => $"{MessageWordText}{Word}",
        FieldKind.ReturnValue => "return value",
        FieldKind.Message => "message",
        FieldKind.Outcome => "outcome",
        FieldKind.NextCall => "next call",
        FieldKind.Calls => "calls",
        FieldKind.CallCount => "call count",
        FieldKind.IssuedRegisters => "issued registers",
        FieldKind.Conduit => "conduit",
        FieldKind.MemoryAccess => "memory access",
        FieldKind.Address => "address",
        FieldKind.Unrecognised => unrecognised!,
    };

    private static FindingField OfRegister(int register, int width, (int High, int Low)? bits) =>
        Fits(register, width, bits)
            ? new(FieldKind.Register) { Register = register, Width = width, Bits = bits }
            : throw new ArgumentOutOfRangeException(nameof(register), $"x0–x{RegisterSet.Count - 1}, and bits within the {width} the name covers, high first");

    private static bool Fits(int register, int width, (int High, int Low)? bits) =>
        register is >= 0 and < RegisterSet.Count && (bits is not { } b || (b.Low >= 0 && b.Low <= b.High && b.High < width));

    private static FindingField? RegisterFromText(string text)
    {
        var open = text.IndexOf('[', StringComparison.Ordinal);
        var name = open < 0 ? text : text[..open];
        var width = name.StartsWith('x') ? XWidth : name.StartsWith('w') ? WWidth : 0;
        if (width == 0 || !Number(name[1..], out var register))
        {
            return null;
        }

        (int High, int Low)? bits = null;
        if (open >= 0)
        {
            var range = text[(open + 1)..].TrimEnd(']').Split(':');
            if (range.Length != 2 || !Number(range[0], out var high) || !Number(range[1], out var low))
            {
                return null;
            }

            bits = (high, low);
        }

        return Fits(register, width, bits) ? new(FieldKind.Register) { Register = register, Width = width, Bits = bits } : null;
    }

    private static FindingField? MessageWordFromText(string text) =>
        text.StartsWith(MessageWordText, StringComparison.Ordinal) && Number(text[MessageWordText.Length..], out var word) && word < DirectMessage2.Words
            ? MessageWord(word)
            : null;

    private static bool Number(string digits, out int value) => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
