using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using FfaConformance.Adapters.Native;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Bindings;

/// <summary>
/// Builds a binding's implementation for a platform (the native host, our QEMU firmware): the binding's sources
/// compiled where they lie in the user's tree and joined into one object, transport.o, whose writable data is the
/// resident state the harness restores before every case, and the glue compiled against the tree's own headers.
/// What the binding gets wrong — a source or include folder not in the tree, an entry the sources do not define or
/// the glue calls with another signature, a symbol the tree's code needs that the glue does not provide — is one
/// <see cref="BindingException"/> naming the binding's key and what was found.
/// </summary>
public static class BindingBuild
{
    private static readonly string[] Flags = ["-O2", "-g", "-std=gnu11"];
    private static readonly string[] HostFlags = [.. Flags, "-fno-common", "-fno-zero-initialized-in-bss"];
    private static readonly string[] GlueChecks = ["-Wall", "-Werror=implicit-function-declaration", "-Werror=incompatible-pointer-types", "-Werror=int-conversion"];

    /// <summary>The architecture name bindings use for the machine the native host runs on.</summary>
    public static string HostArch => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => "x86_64",
        Architecture.Arm64 => "aarch64",
        var other => other.ToString().ToLowerInvariant(),
    };

    /// <summary>SHA-256 over the binding's sources as they are in <paramref name="tree"/>, in order.</summary>
    public static string Sha256(Binding binding, string tree)
    {
        var text = new StringBuilder();
        foreach (var source in binding.Sources)
        {
            text.Append(source).Append('\0').Append(File.ReadAllText(Path.Combine(tree, source))).Append('\0');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Checks that <paramref name="tree"/> holds what the binding names, before anything is compiled.</summary>
    public static void Check(Binding binding, string tree, string arch)
    {
        for (var i = 0; i < binding.Sources.Count; i++)
        {
            if (!File.Exists(Path.Combine(tree, binding.Sources[i])))
            {
                throw new BindingException($"{binding.Key($"Sources[{i}]")} = '{binding.Sources[i]}' is not in the tree {tree}");
            }
        }

        Includes(binding, tree, arch);
        if (!File.Exists(Path.Combine(binding.Home, binding.Glue)))
        {
            throw new BindingException($"{binding.Key("Glue")} = '{binding.Glue}' is not in {binding.Home}");
        }
    }

    /// <summary>The native host for the binding over <paramref name="tree"/>, built or taken from the cache.</summary>
    public static string Host(Binding binding, string tree, Toolchain toolchain, string buildRoot)
    {
        Check(binding, tree, HostArch);
        var key = Key(binding, tree, toolchain, HostArch, HostFlags);
        return Path.Combine(CBuild.Cached(buildRoot, $"native-{binding.Name}", key, "ffa-host", work =>
        {
            Compile(binding, tree, toolchain, HostArch, HostFlags, work);
            NativeBuild.RenameWritableSections(toolchain, work);
            var core = CSources.Core;
            var hostDirectory = Path.Combine(CSources.Root, "host");
            string[] includes = ["-I", hostDirectory, "-I", core];
            CBuild.Compile(toolchain, "the host's channel", [.. Flags, "-Wall", .. includes, "-c", Path.Combine(hostDirectory, "channel.c"), "-o", "channel.o"], work);
            CBuild.Compile(toolchain, "the host's glue", [.. Flags, "-Wall", .. includes, "-c", Path.Combine(hostDirectory, "glue.c"), "-o", "host-glue.o"], work);
            CBuild.Compile(toolchain, "the harness core", [.. Flags, "-Wall", .. includes, "-c", Path.Combine(core, "state.c"), "-o", "state.o"], work);
            CBuild.Compile(toolchain, $"the host with {binding.Implementation}", ["-o", "ffa-host", "channel.o", "host-glue.o", "state.o", "glue.o", "transport-state.o"], work);
        }), "ffa-host");
    }

    /// <summary>
    /// Compiles the binding's sources for <paramref name="arch"/> with <paramref name="flags"/> into work/transport.o and
    /// its glue into work/glue.o, checking entries and provided symbols.
    /// </summary>
    public static void Compile(Binding binding, string tree, Toolchain toolchain, string arch, IReadOnlyList<string> flags, string work)
    {
        var options = Options(binding, tree, arch);
        var objects = new List<string>();
        for (var i = 0; i < binding.Sources.Count; i++)
        {
            var output = $"source{i}.o";
            CBuild.Compile(toolchain, $"{binding.Sources[i]} of {tree} ({binding.Key($"Sources[{i}]")})",
                [.. flags, .. options, "-c", Path.Combine(tree, binding.Sources[i]), "-o", output], work);
            objects.Add(output);
        }

        CBuild.Compile(toolchain, $"the {binding.Name} binding's sources into one object", ["-r", "-nostdlib", "-o", "transport.o", .. objects], work);
        var implementation = Symbols(toolchain, "transport.o", work);
        foreach (var (entry, function) in binding.Entries)
        {
            if (!implementation.Defined.Contains(function))
            {
                throw new BindingException($"{binding.Key($"Entries.{entry}")} = '{function}' is not defined by the binding's Sources ({string.Join(", ", binding.Sources)})");
            }
        }

        var core = CSources.Core;
        var glue = Path.Combine(binding.Home, binding.Glue);
        var (compiled, printed) = Toolchain.Invoke(toolchain.Compiler, [.. flags, .. GlueChecks, .. options, "-I", core, "-c", glue, "-o", "glue.o"], work);
        if (compiled != 0)
        {
            var entry = binding.Entries.FirstOrDefault(e => printed.Contains($"'{e.Value}'", StringComparison.Ordinal) || printed.Contains($"‘{e.Value}’", StringComparison.Ordinal));
            throw entry.Key is null
                ? new TargetBuildException($"compiling the {binding.Name} binding's glue {glue} failed ({toolchain.Version})", printed)
                : new BindingException($"{binding.Key($"Entries.{entry.Key}")} = '{entry.Value}' does not have the signature the glue calls it with: {FirstError(printed)}");
        }

        var provided = Symbols(toolchain, "glue.o", work);
        var missing = binding.Provides.Where(p => !provided.Defined.Contains(p)).ToArray();
        if (missing.Length > 0)
        {
            throw new BindingException($"{binding.Key("Provides")} lists {string.Join(", ", missing)}, which {binding.Glue} does not define");
        }

        var needed = implementation.Undefined.Where(s => !binding.Provides.Contains(s) && !provided.Defined.Contains(s)).Order(StringComparer.Ordinal).ToArray();
        if (needed.Length > 0)
        {
            throw new BindingException($"the binding's Sources need {string.Join(", ", needed)}, which {binding.Key("Provides")} does not list");
        }

    }

    /// <summary>Include folders, flags and defines the binding gives for <paramref name="arch"/>, as compiler arguments.</summary>
    private static string[] Options(Binding binding, string tree, string arch)
    {
        var defines = binding.Defines.Concat(binding.ArchDefines.GetValueOrDefault(arch) ?? new Dictionary<string, string>())
            .Select(d => $"-D{d.Key}={d.Value}");
        return [.. binding.Flags, .. defines, .. Includes(binding, tree, arch).SelectMany(i => new[] { "-I", i })];
    }

    private static string[] Includes(Binding binding, string tree, string arch)
    {
        var name = binding.Arch.GetValueOrDefault(arch);
        var folders = new List<string>();
        for (var i = 0; i < binding.Includes.Count; i++)
        {
            var include = binding.Includes[i];
            if (include.Contains("{Arch}", StringComparison.Ordinal) && name is null)
            {
                throw new BindingException($"{binding.Key($"Includes[{i}]")} = '{include}' names {{Arch}}, but {binding.Key("Arch")} gives no name for {arch}");
            }

            var folder = Path.Combine(tree, include.Replace("{Arch}", name, StringComparison.Ordinal));
            if (!Directory.Exists(folder))
            {
                throw new BindingException($"{binding.Key($"Includes[{i}]")} = '{include}' is not a folder of the tree {tree}");
            }

            folders.Add(folder);
        }

        return [.. folders];
    }

    private static string FirstError(string printed) =>
        printed.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal))?.Trim() ?? printed.Trim();

    /// <summary>The global symbols an object defines, and those it needs from elsewhere.</summary>
    private static (HashSet<string> Defined, HashSet<string> Undefined) Symbols(Toolchain toolchain, string file, string work)
    {
        var (exit, table) = Toolchain.Invoke(toolchain.ReadElf, ["-s", "-W", file], work);
        if (exit != 0)
        {
            throw new TargetBuildException($"readelf could not read {file}", table);
        }

        var defined = new HashSet<string>(StringComparer.Ordinal);
        var undefined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in table.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 8 || !fields[0].EndsWith(':') || fields[4] is not ("GLOBAL" or "WEAK"))
            {
                continue;
            }

            (fields[6] == "UND" ? undefined : defined).Add(fields[7]);
        }

        return (defined, undefined);
    }

    /// <summary>A short hash of everything the build reads: the binding's options, the sources and every header under its include folders, our C sources.</summary>
    public static string Key(Binding binding, string tree, Toolchain toolchain, string arch, IReadOnlyList<string> flags)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + '\0'));
        Add(toolchain.Version);
        Add(arch);
        Add(string.Join(' ', flags));
        Add(string.Join(' ', Options(binding, tree, arch)));
        Add(Sha256(binding, tree));
        var headers = Includes(binding, tree, arch)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.h", SearchOption.AllDirectories))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var file in headers)
        {
            Add(file);
            hash.AppendData(File.ReadAllBytes(file));
        }

        foreach (var file in CSources.Files)
        {
            Add(Path.GetRelativePath(CSources.Root, file));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
