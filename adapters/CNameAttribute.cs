namespace FfaConformance.Adapters;

/// <summary>
/// The name the C side gives a number of the wire contract (a macro, an enumerator, or sizeof/offsetof of a
/// struct): tests/Native/WireContractTests.cs prints each named number through the C compiler and compares it
/// with the constant it marks, so a number is written once in C# and once in the C headers, and nowhere else.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class CNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
