using System.Text.Json;
using FfaConformance.Abi;

namespace FfaConformance.Adapters.Bindings;

/// <summary>
/// How the harness runs a C implementation of FF-A direct messaging, as data (c/bindings/&lt;name&gt;/binding.json):
/// which files of the user's tree are compiled, which of its headers are taken alone, with which include paths, stand-in
/// headers of ours, defines and flags; the glue files of ours that adapt its entries to the harness's commands
/// (c/core/harness.h); the entries it calls (the report names them) and which of them an implementation may lack;
/// what the glue provides in place of the rest of the implementation's tree; how the implementation's return values
/// stand for FF-A outcomes; and the FF-A version it negotiates, which a target that sets no Version of its own takes.
/// </summary>
public sealed record Binding(
    string Name,
    string Implementation,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Headers,
    IReadOnlyList<string> Includes,
    string? Shim,
    IReadOnlyDictionary<string, string> Arch,
    IReadOnlyList<string> Flags,
    IReadOnlyDictionary<string, string> Defines,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ArchDefines,
    IReadOnlyList<string> Glue,
    IReadOnlyDictionary<string, string> Entries,
    IReadOnlyList<string> Optional,
    string? ResumedAs,
    IReadOnlyList<string> Provides,
    ReturnConvention Returns,
    FfaVersion? Version)
{
    /// <summary>The entries a binding may name, in the harness's terms.</summary>
    public static readonly IReadOnlyList<string> EntryNames = ["Send", "Send2", "Resume", "Boot", "Probe"];

    private static readonly string[] Keys =
    [
        "Implementation", "Sources", "Headers", "Includes", "Shim", "Arch", "Flags", "Defines", "ArchDefines", "Glue", "Entries", "Optional",
        "ResumedAs", "Provides", "Returns", "Version",
    ];

    /// <summary>Where the bindings kept in the repository are: one folder each, holding binding.json and its glue.</summary>
    public static string Folder => Path.Combine(CSources.Root, "bindings");

    /// <summary>The names of the bindings kept in the repository.</summary>
    public static IReadOnlyList<string> Known =>
        Directory.Exists(Folder) ? [.. Directory.EnumerateDirectories(Folder).Where(d => File.Exists(Path.Combine(d, "binding.json"))).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)] : [];

    /// <summary>The folder the glue and binding.json are in.</summary>
    public string Home => Path.Combine(Folder, Name);

    /// <summary>What a target's provenance says of the binding: the entries judged and how pending requests are resumed.</summary>
    public string Note =>
        $"through the {Name} binding; entries judged: {string.Join(", ", Entries.Select(e => $"{e.Key}: {e.Value}()"))}"
        + (ResumedAs is { } resumed ? $"; resumed {resumed}" : string.Empty);

    /// <summary>"Bindings:edk2:Entries.Send", the way every message names a key of a binding.</summary>
    public string Key(string key) => KeyOf(Name, key);

    /// <summary>The binding kept in the repository under <paramref name="name"/>; <see cref="BindingException"/> names the key that is wrong.</summary>
    public static Binding Load(string name)
    {
        var file = Path.Combine(Folder, name, "binding.json");
        if (!File.Exists(file))
        {
            throw new BindingException($"there is no binding '{name}' (no {file}); known: {string.Join(", ", Known)}");
        }

        return Parse(name, File.ReadAllText(file), file);
    }

    /// <summary>A binding from its text; <paramref name="file"/> names it in messages.</summary>
    public static Binding Parse(string name, string text, string file)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new BindingException($"{file} is not JSON: {e.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new BindingException($"{file} must hold one JSON object with the keys {string.Join(", ", Keys)}");
        }

        foreach (var property in root.EnumerateObject().Where(p => !Keys.Contains(p.Name, StringComparer.Ordinal)))
        {
            throw new BindingException($"{KeyOf(name, property.Name)} is no key of a binding ({file}); accepted: {string.Join(", ", Keys)}");
        }

        var reader = new Reader(name, root);
        var entries = reader.Map("Entries", required: true);
        foreach (var entry in entries.Keys.Where(k => !EntryNames.Contains(k, StringComparer.Ordinal)))
        {
            throw new BindingException($"{KeyOf(name, $"Entries.{entry}")} is no entry the harness calls; accepted: {string.Join(", ", EntryNames)}");
        }

        if (!entries.ContainsKey("Send"))
        {
            throw new BindingException($"{KeyOf(name, "Entries.Send")} is missing: a binding names at least the function that sends FFA_MSG_SEND_DIRECT_REQ");
        }

        var optional = reader.List("Optional", required: false);
        foreach (var entry in optional.Where(e => e == "Send" || !entries.ContainsKey(e)))
        {
            throw new BindingException($"{KeyOf(name, "Optional")} lists {entry}; accepted: entries of Entries other than Send ({string.Join(", ", entries.Keys.Where(k => k != "Send"))})");
        }

        var returns = reader.Text("Returns", required: true)!;
        var convention = ReturnConvention.All.FirstOrDefault(c => c.Id == returns)
            ?? throw new BindingException($"{KeyOf(name, "Returns")} = '{returns}' is no return convention; accepted: {string.Join(", ", ReturnConvention.All.Select(c => c.Id))}");
        FfaVersion? version = null;
        if (reader.Text("Version", required: false) is { } given)
        {
            version = FfaVersion.TryParse(given, out var parsed)
                ? parsed
                : throw new BindingException($"{KeyOf(name, "Version")} = '{given}' is no FF-A version; accepted: {string.Join(", ", FfaVersion.Known)}");
        }

        var archDefines = reader.Object("ArchDefines").ToDictionary(
            p => p.Name,
            p => (IReadOnlyDictionary<string, string>)new Reader(name, p.Value, $"ArchDefines.{p.Name}.").Strings(),
            StringComparer.Ordinal);

        return new Binding(
            name,
            reader.Text("Implementation", required: true)!,
            reader.List("Sources", required: true),
            reader.List("Headers", required: false),
            reader.List("Includes", required: false),
            reader.Text("Shim", required: false),
            reader.Map("Arch", required: false),
            reader.List("Flags", required: false),
            reader.Map("Defines", required: false),
            archDefines,
            reader.List("Glue", required: true),
            entries,
            optional,
            reader.Text("ResumedAs", required: false),
            reader.List("Provides", required: false),
            convention,
            version);
    }

    private static string KeyOf(string name, string key) => $"Bindings:{name}:{key}";

    /// <summary>Reads keys of one JSON object, each problem one <see cref="BindingException"/> naming the key.</summary>
    private sealed class Reader(string name, JsonElement element, string prefix = "")
    {
        public string? Text(string key, bool required) => Get(key, required) is { } value
            ? value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0
                ? value.GetString()
                : throw Wrong(key, "a non-empty string")
            : null;

        public IReadOnlyList<string> List(string key, bool required) => Get(key, required) is { } value
            ? value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0)
                && (!required || value.GetArrayLength() > 0)
                ? [.. value.EnumerateArray().Select(v => v.GetString()!)]
                : throw Wrong(key, required ? "a non-empty array of non-empty strings" : "an array of non-empty strings")
            : [];

        public IReadOnlyDictionary<string, string> Map(string key, bool required) => Get(key, required) is { } value
            ? value.ValueKind == JsonValueKind.Object ? new Reader(name, value, $"{prefix}{key}.").Strings() : throw Wrong(key, "an object of strings")
            : new Dictionary<string, string>();

        public IEnumerable<JsonProperty> Object(string key) => Get(key, required: false) is { } value
            ? value.ValueKind == JsonValueKind.Object ? value.EnumerateObject() : throw Wrong(key, "an object")
            : [];

        public Dictionary<string, string> Strings() => element.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw Wrong(p.Name, "a string"),
            StringComparer.Ordinal);

        private JsonElement? Get(string key, bool required) => element.TryGetProperty(key, out var value)
            ? value
            : required ? throw new BindingException($"{KeyOf(name, prefix + key)} is missing") : null;

        private BindingException Wrong(string key, string accepted) => new($"{KeyOf(name, prefix + key)} must be {accepted}");
    }
}

/// <summary>A binding that is wrong: one message naming its key and what was found.</summary>
public sealed class BindingException(string message) : Exception(message);
