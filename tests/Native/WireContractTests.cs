using System.Globalization;
using System.Reflection;
using System.Text;
using FfaConformance.Adapters;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Tests.Native;

/// <summary>
/// The C↔C# wire contract is the same on both sides: a program written from the C names on <see cref="Wire"/>'s
/// constants is compiled against the C headers (harness, host protocol, firmware mailbox, Linux companion) and
/// prints every shared number as the C compiler sees it; each equals its constant — names, values, struct sizes
/// and offsets alike.
/// </summary>
[TestFixture]
[Category("Native")]
public sealed class WireContractTests
{
    private static readonly string[] Headers = ["ffa_conformance.h", "firmware.h", "harness.h", "protocol.h"];

    private static IEnumerable<FieldInfo> Constants => typeof(Wire).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral);

    [Test]
    [Category("Fast")]
    public void EveryConstantOfTheWireNamesItsCCounterpartOnce()
    {
        var unnamed = Constants.Where(f => f.GetCustomAttribute<CNameAttribute>() is null).Select(f => f.Name);
        var names = Constants.Select(f => f.GetCustomAttribute<CNameAttribute>()?.Name).OfType<string>().ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(unnamed, Is.Empty, "constants the C compiler would not check");
            Assert.That(names, Is.Unique);
        });
    }

    [Test]
    public void EveryNumberTheCHeadersDefineIsTheOneTheAdaptersUse()
    {
        var toolchain = Toolchain.Host(out var missing);
        if (toolchain is null)
        {
            Prerequisite.Missing($"the wire contract is checked with the host C compiler: {missing}");
        }

        var expected = Constants
            .Where(f => f.GetCustomAttribute<CNameAttribute>() is not null)
            .ToDictionary(f => f.GetCustomAttribute<CNameAttribute>()!.Name, f => AsLong(f.GetRawConstantValue()!), StringComparer.Ordinal);
        var work = Directory.CreateTempSubdirectory("ffa-wire-").FullName;
        var source = Path.Combine(work, "wire_contract.c");
        File.WriteAllText(source, Program(expected.Keys));
        var program = Path.Combine(work, "wire-contract");
        var c = CSources.Root;
        var (built, output) = Toolchain.Invoke(toolchain.Compiler,
        [
            "-Wall", "-Werror", "-I", Path.Combine(c, "core"), "-I", Path.Combine(c, "host"), "-I", Path.Combine(c, "firmware"), "-I", Path.Combine(c, "linux"),
            "-o", program, source,
        ]);
        Assert.That(built, Is.Zero, output);

        var (exit, printed) = Toolchain.Invoke(program, []);
        Assert.That(exit, Is.Zero, printed);
        var seen = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

        var differing = expected
            .Where(e => !seen.TryGetValue(e.Key, out var value) || value != e.Value)
            .Select(e => $"{e.Key}: {e.Value} in C#, {(seen.TryGetValue(e.Key, out var value) ? value.ToString(CultureInfo.InvariantCulture) : "not printed")} in C");
        Assert.That(differing, Is.Empty);
    }

    /// <summary>A C program that prints each named number, one NAME=value per line.</summary>
    private static string Program(IEnumerable<string> names)
    {
        var text = new StringBuilder("#include <stddef.h>\n#include <stdio.h>\n");
        foreach (var header in Headers)
        {
            text.Append(CultureInfo.InvariantCulture, $"#include \"{header}\"\n");
        }

        text.Append("\nint main(void)\n{\n");
        foreach (var name in names)
        {
            text.Append(CultureInfo.InvariantCulture, $"\tprintf(\"%s=%lld\\n\", \"{name}\", (long long)({name}));\n");
        }

        return text.Append("\treturn 0;\n}\n").ToString();
    }

    private static long AsLong(object value) => value is ulong u ? unchecked((long)u) : Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
