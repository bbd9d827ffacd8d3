using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Bindings;

/// <summary>
/// Builds a binding's implementation for a platform (the native host, our QEMU firmware): the binding's sources
/// compiled where they lie (or as a patch gave them) and joined into one object, transport.o, whose writable data is
/// the resident state the harness restores before every case, and the glue compiled against the same headers into
/// glue.o. What the binding gets wrong — an include folder not in the tree, an entry the sources do not define or the
/// glue calls with another signature, a symbol the implementation needs that neither the glue nor the platform
/// provides — is one <see cref="BindingException"/> naming the binding's key and what was found.
/// </summary>
public static partial class BindingBuild
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

    /// <summary>The native host for the binding's <paramref name="source"/>, built or taken from the cache.</summary>
    public static string Host(Binding binding, BindingSource source, Toolchain toolchain, string buildRoot)
    {
        var key = Key(binding, source, toolchain, HostArch, HostFlags);
        return Path.Combine(CBuild.Cached(buildRoot, $"native-{binding.Name}", key, "ffa-host", work =>
        {
            Compile(binding, source, toolchain, HostArch, HostFlags, work);
            RenameWritableSections(toolchain, work);
            var core = CSources.Core;
            var hostDirectory = Path.Combine(CSources.Root, "host");
            string[] includes = ["-I", hostDirectory, "-I", core];
            foreach (var name in new[] { "channel", "glue", "runtime" })
            {
                CBuild.Compile(toolchain, $"the host's {name}.c", [.. Flags, "-Wall", .. includes, "-c", Path.Combine(hostDirectory, $"{name}.c"), "-o", $"host-{name}.o"], work);
            }

            CBuild.Compile(toolchain, "the harness core", [.. Flags, "-Wall", .. includes, "-c", Path.Combine(core, "state.c"), "-o", "state.o"], work);
            Link(binding, toolchain, $"the host with {binding.Implementation}",
                ["-o", "ffa-host", "host-channel.o", "host-glue.o", "host-runtime.o", "state.o", "glue.o", "transport-state.o"], work);
        }), "ffa-host");
    }

    /// <summary>
    /// Compiles the binding's sources for <paramref name="arch"/> with <paramref name="flags"/> into work/transport.o and
    /// its glue into work/glue.o, checking its entries and that the glue defines what Provides lists.
    /// </summary>
    public static void Compile(Binding binding, BindingSource source, Toolchain toolchain, string arch, IReadOnlyList<string> flags, string work)
    {
        var options = CompileSources(binding, source, toolchain, arch, flags, work);
        var glues = new List<string>();
        var printed = string.Empty;
        for (var i = 0; i < binding.Glue.Count && printed.Length == 0; i++)
        {
            var glue = Path.Combine(binding.Home, binding.Glue[i]);
            if (!File.Exists(glue))
            {
                throw new BindingException($"{binding.Key($"Glue[{i}]")} = '{binding.Glue[i]}' is not in {binding.Home}");
            }

            var (compiled, output) = Toolchain.Invoke(toolchain.Compiler, [.. flags, .. GlueChecks, .. options, "-I", CSources.Core, "-c", glue, "-o", $"glue{i}.o"], work);
            if (compiled != 0)
            {
                var entry = binding.Entries.FirstOrDefault(e => output.Contains($"'{e.Value}'", StringComparison.Ordinal) || output.Contains($"‘{e.Value}’", StringComparison.Ordinal));
                throw entry.Key is null
                    ? new TargetBuildException($"compiling the {binding.Name} binding's glue {glue} failed ({toolchain.Version})", output)
                    : new BindingException($"{binding.Key($"Entries.{entry.Key}")} = '{entry.Value}' does not have the signature the glue calls it with: {FirstError(output)}");
            }

            glues.Add($"glue{i}.o");
        }

        CBuild.Compile(toolchain, $"the {binding.Name} binding's glue into one object", ["-r", "-nostdlib", "-o", "glue.o", .. glues], work);
        var provided = Symbols(toolchain, "glue.o", work);
        var missing = binding.Provides.Where(p => !provided.Defined.Contains(p)).ToArray();
        if (missing.Length > 0)
        {
            throw new BindingException($"{binding.Key("Provides")} lists {string.Join(", ", missing)}, which the glue ({string.Join(", ", binding.Glue)}) does not define");
        }
    }

    /// <summary>
    /// Links work/transport.o and work/glue.o with the platform's objects (<paramref name="arguments"/>); a symbol the
    /// sources need that neither the glue nor the platform (its C library, if it has one) gives is one
    /// <see cref="BindingException"/> naming Provides.
    /// </summary>
    public static void Link(Binding binding, Toolchain toolchain, string what, IEnumerable<string> arguments, string work)
    {
        var (exit, output) = Toolchain.Invoke(toolchain.Compiler, arguments, work);
        if (exit == 0)
        {
            return;
        }

        var implementation = Symbols(toolchain, "transport.o", work).Undefined;
        var needed = UndefinedReference().Matches(output).Select(m => m.Groups[1].Value)
            .Where(implementation.Contains)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        throw needed.Length > 0
            ? new BindingException($"the binding's Sources need {string.Join(", ", needed)}, which {binding.Key("Provides")} does not list")
            : new TargetBuildException($"linking {what} failed ({toolchain.Version})", output);
    }

    /// <summary>
    /// Compiles the binding's sources alone into work/transport.o (for builds that link them without the harness), checking
    /// that they define every entry the binding does not call optional; returns the compiler arguments the binding gives
    /// (its headers, include folders, stand-ins, flags and defines).
    /// </summary>
    public static string[] CompileSources(
        Binding binding, BindingSource source, Toolchain toolchain, string arch, IReadOnlyList<string> flags, string work)
    {
        var options = Options(binding, source, arch, work);
        var objects = new List<string>();
        for (var i = 0; i < source.Sources.Count; i++)
        {
            var file = source.Sources[i];
            var path = file.OnDisk ?? Write(Path.Combine(work, "tree"), file);
            var output = $"source{i}.o";
            CBuild.Compile(toolchain, $"{file.OnDisk ?? $"{file.Name} of {source.Origin}"} ({binding.Key($"Sources[{i}]")})",
                [.. flags, .. options, "-c", path, "-o", output], work);
            objects.Add(output);
        }

        CBuild.Compile(toolchain, $"the {binding.Name} binding's sources into one object", ["-r", "-nostdlib", "-o", "transport.o", .. objects], work);
        var implementation = Symbols(toolchain, "transport.o", work);
        foreach (var (entry, function) in binding.Entries.Where(e => !binding.Optional.Contains(e.Key)))
        {
            if (!implementation.Defined.Contains(function))
            {
                throw new BindingException($"{binding.Key($"Entries.{entry}")} = '{function}' is not defined by the binding's Sources ({source.Origin})");
            }
        }

        return options;
    }

    /// <summary>Every writable allocated section of work/transport.o becomes ffa_state (or ffa_state_bss when it has no contents), in work/transport-state.o.</summary>
    public static void RenameWritableSections(Toolchain toolchain, string work)
    {
        var (exit, sections) = Toolchain.Invoke(toolchain.ReadElf, ["-S", "-W", "transport.o"], work);
        if (exit != 0)
        {
            throw new TargetBuildException("readelf could not read the compiled transport", sections);
        }

        var renames = new List<string>();
        foreach (var line in sections.Split('\n'))
        {
            var fields = line.Replace("[ ", "[", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 8 && fields[0].StartsWith('[') && fields[7].Contains('W') && fields[7].Contains('A'))
            {
                renames.Add("--rename-section");
                renames.Add($"{fields[1]}={(fields[2] == "NOBITS" ? "ffa_state_bss" : "ffa_state")}");
            }
        }

        var (copied, output) = Toolchain.Invoke(toolchain.ObjCopy, [.. renames, "transport.o", "transport-state.o"], work);
        if (copied != 0)
        {
            throw new TargetBuildException("objcopy could not rename the transport's data sections", output);
        }
    }

    private static string Write(string root, SourceFile file)
    {
        var path = Path.Combine(root, file.Name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, file.Text);
        return path;
    }

    /// <summary>
    /// Flags, defines and the header search the binding gives for <paramref name="arch"/>, as compiler arguments: the
    /// tree's Headers the source brings, taken alone (work/headers), then its Includes folders, then our stand-ins (Shim).
    /// </summary>
    private static string[] Options(Binding binding, BindingSource source, string arch, string work)
    {
        var defines = binding.Defines.Concat(binding.ArchDefines.GetValueOrDefault(arch) ?? new Dictionary<string, string>())
            .Select(d => $"-D{d.Key}={d.Value}");
        var headers = Path.Combine(work, "headers");
        foreach (var header in source.Headers)
        {
            Write(headers, header with { Name = Path.GetFileName(header.Name) });
        }

        string[] taken = source.Headers.Count > 0 ? ["-I", headers] : [];
        return [.. binding.Flags, .. defines, .. taken, .. Includes(binding, source, arch).SelectMany(i => new[] { "-I", i }), .. Shim(binding)];
    }

    private static string[] Shim(Binding binding)
    {
        if (binding.Shim is not { } shim)
        {
            return [];
        }

        var folder = Path.Combine(binding.Home, shim);
        return Directory.Exists(folder) ? ["-I", folder] : throw new BindingException($"{binding.Key("Shim")} = '{shim}' is not a folder of {binding.Home}");
    }

    private static string[] Includes(Binding binding, BindingSource source, string arch)
    {
        if (binding.Includes.Count > 0 && source.Tree is not { } tree)
        {
            throw new BindingException($"{binding.Key("Includes")} names folders of a tree, and the source is {source.Origin}; {BindingSource.Accepted(binding)}");
        }

        var name = binding.Arch.GetValueOrDefault(arch);
        var folders = new List<string>();
        for (var i = 0; i < binding.Includes.Count; i++)
        {
            var include = binding.Includes[i];
            if (include.Contains("{Arch}", StringComparison.Ordinal) && name is null)
            {
                throw new BindingException($"{binding.Key($"Includes[{i}]")} = '{include}' names {{Arch}}, but {binding.Key("Arch")} gives no name for {arch}");
            }

            var folder = Path.Combine(source.Tree!, include.Replace("{Arch}", name, StringComparison.Ordinal));
            if (!Directory.Exists(folder))
            {
                throw new BindingException($"{binding.Key($"Includes[{i}]")} = '{include}' is not a folder of the tree {source.Tree}");
            }

            folders.Add(folder);
        }

        return [.. folders];
    }

    private static string FirstError(string printed) =>
        printed.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal))?.Trim() ?? printed.Trim();

    [GeneratedRegex(@"undefined reference to [`'‘]([^`'’]+)['’]")]
    private static partial Regex UndefinedReference();

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

    /// <summary>A short hash of everything the build reads: the binding's options, the sources and headers, every header under its include folders, our C sources.</summary>
    public static string Key(Binding binding, BindingSource source, Toolchain toolchain, string arch, IReadOnlyList<string> flags)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + '\0'));
        Add(toolchain.Version);
        Add(arch);
        Add(string.Join(' ', flags));
        Add(binding.Name);
        Add(string.Join(' ', binding.Flags));
        Add(string.Join(' ', binding.Defines.Concat(binding.ArchDefines.GetValueOrDefault(arch) ?? new Dictionary<string, string>()).Select(d => $"{d.Key}={d.Value}")));
        Add(source.Sha256);
        var headers = Includes(binding, source, arch)
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
