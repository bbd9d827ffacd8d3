using System.Globalization;
using FfaConformance.Adapters;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Tests.Native;

/// <summary>
/// The C↔C# wire contract is the same on both sides: a program compiled against the C headers (harness,
/// host protocol, firmware mailbox) prints every shared number, and each equals its definition in
/// <see cref="Wire"/> — names, values, struct sizes and offsets alike.
/// </summary>
[TestFixture]
[Category("Native")]
public sealed class WireContractTests
{
    [Test]
    public void EveryNumberTheCHeadersDefineIsTheOneTheAdaptersUse()
    {
        var toolchain = Toolchain.Host(out var missing);
        if (toolchain is null)
        {
            Prerequisite.Missing($"the wire contract is checked with the host C compiler: {missing}");
        }

        var c = Path.Combine(CSources.Root);
        var work = Directory.CreateTempSubdirectory("ffa-wire-").FullName;
        var program = Path.Combine(work, "wire-contract");
        var (built, output) = Toolchain.Invoke(toolchain.Compiler,
        [
            "-Wall", "-I", Path.Combine(c, "core"), "-I", Path.Combine(c, "host"), "-I", Path.Combine(c, "firmware"), "-I", Path.Combine(c, "linux"),
            "-o", program, Path.Combine(NativeTargets.Root, "tests", "Native", "wire_contract.c"),
        ]);
        Assert.That(built, Is.Zero, output);

        var (exit, printed) = Toolchain.Invoke(program, []);
        Assert.That(exit, Is.Zero, printed);
        var seen = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

        Assert.That(seen, Is.EqualTo(Wire.Values));
    }
}
