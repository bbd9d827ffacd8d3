using FfaConformance.Abi;
using FfaConformance.Scenarios.Traces;
using FsCheck;
using FsCheck.Fluent;

namespace FfaConformance.Tests.Reporting;

/// <summary>
/// Every field a rule can give a finding, made by its factory, with where a trace must point for it — said here
/// from the factory's arguments, not read back from the field.
/// </summary>
public static class AnyFindingField
{
    /// <summary>The fields that take no index, and whether each is part of how the step ended.</summary>
    public static readonly IReadOnlyList<(FindingField Field, bool Outcome)> Named =
    [
        (FindingField.ReturnValue, true),
        (FindingField.Message, true),
        (FindingField.Outcome, true),
        (FindingField.NextCall, false),
        (FindingField.Calls, false),
        (FindingField.CallCount, false),
        (FindingField.IssuedRegisters, false),
        (FindingField.Conduit, false),
        (FindingField.MemoryAccess, false),
        (FindingField.Address, false),
    ];

    public static Arbitrary<Pointed> Field()
    {
        var register = Gen.Choose(0, RegisterSet.Count - 1);
        return Arb.From(Gen.OneOf(
            register.Select(r => new Pointed(FindingField.X(r), r, false)),
            register.Select(r => new Pointed(FindingField.W(r), r, false)),
            from r in register
            from low in Gen.Choose(0, 63)
            from high in Gen.Choose(low, 63)
            select new Pointed(FindingField.X(r, high, low), r, false),
            Gen.Choose(0, DirectMessage2.Words - 1).Select(w => new Pointed(FindingField.MessageWord(w), null, true)),
            Gen.Elements(Named.Select(n => new Pointed(n.Field, null, n.Outcome)).ToArray())));
    }

    /// <summary>A field, the register cell a trace highlights for it (null: none) and whether it highlights the step's result.</summary>
    public sealed record Pointed(FindingField Field, int? Register, bool Outcome);
}
