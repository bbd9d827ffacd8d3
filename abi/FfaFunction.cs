namespace FfaConformance.Abi;

/// <summary>
/// One FF-A ABI: its function number and, per calling convention, the first FF-A version that defines that
/// ID (null: the ID does not exist in any version this model knows).
/// </summary>
public sealed record FfaFunction(string Name, ushort Number, FfaVersion? Smc32Since, FfaVersion? Smc64Since)
{
    public FunctionId Id(Convention convention) => FunctionId.StandardSecure(Number, convention);

    public FfaVersion? Since(Convention convention) => convention == Convention.Smc64 ? Smc64Since : Smc32Since;

    /// <summary>Whether the ID of this width exists once <paramref name="negotiated"/> is agreed.</summary>
    public bool IsDefined(Convention convention, FfaVersion negotiated) => Since(convention) is { } since && since <= negotiated;

    public bool Matches(uint w0) => w0 == Id(Convention.Smc32).Value || w0 == Id(Convention.Smc64).Value;

    public override string ToString() => Name;
}
