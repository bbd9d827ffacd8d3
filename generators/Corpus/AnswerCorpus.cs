using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FfaConformance.Abi;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Generators.Corpus;

/// <summary>One direct request a real secure world was asked, in words, with x0–x17 as issued and as answered.</summary>
public sealed record CorpusCall(string Asked, IReadOnlyList<string> Issued, IReadOnlyList<string> Answer);

/// <summary>
/// What one real secure world answered: its name (the fixture's folder), the firmware it is built from (projects and
/// commits), and the run and target the calls were recorded in.
/// </summary>
public sealed record CorpusSource(string SecureWorld, string Firmware, string Run, string Target, IReadOnlyList<CorpusCall> Calls);

/// <summary>An answer of the corpus read back into the generators' answers, for requests of <see cref="Interface"/>.</summary>
public sealed record RecordedAnswer(CorpusSource Source, CorpusCall Call, Answer Answer, string Interface);

/// <summary>
/// Answers real secure worlds gave to direct requests, recorded from a run (<c>ffa corpus</c>), kept with the
/// secure world and firmware they came from, that the generators draw from (one generated DIRECT_RESP in ten is a recorded one).
/// Every answer is read back (<see cref="AnswerReading"/>) in the context of the call it answered; one that does not
/// read back, or a malformed file, is one error naming the file and the entry.
/// </summary>
public sealed record AnswerCorpus(string Format, IReadOnlyList<CorpusSource> Sources)
{
    public const string CurrentFormat = "ffa-conformance-corpus/1";

    /// <summary>The corpus's place in a checkout; the generators read the copy built into them.</summary>
    public const string Document = "generators/Corpus/answers.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<AnswerCorpus> ShippedCorpus = new(() =>
    {
        using var stream = typeof(AnswerCorpus).Assembly.GetManifestResourceStream("answers.json")
            ?? throw new InvalidOperationException($"the generators were built without {Document}");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), Document);
    });

    private IReadOnlyList<RecordedAnswer>? answers;

    /// <summary>The file the corpus was read from, as errors name it.</summary>
    [JsonIgnore]
    public string Name { get; init; } = Document;

    /// <summary>The corpus the generators were built with.</summary>
    public static AnswerCorpus Shipped => ShippedCorpus.Value;

    /// <summary>Every answer, read back: "REQ_32", "REQ_64" or "REQ2" says which requests it answered.</summary>
    [JsonIgnore]
    public IReadOnlyList<RecordedAnswer> Answers => answers ??= [.. Sources.SelectMany(s => s.Calls.Select(c => Read(s, c, Name)))];

    /// <summary>The answers to requests of <paramref name="interface"/> ("REQ_32", "REQ_64", "REQ2").</summary>
    public Answer[] For(string @interface) => [.. Answers.Where(a => a.Interface == @interface).Select(a => a.Answer)];

    public static string InterfaceOf(Convention request) => request == Convention.Smc64 ? "REQ_64" : "REQ_32";

    public static AnswerCorpus Parse(string json, string name)
    {
        AnswerCorpus? corpus;
        try
        {
            corpus = JsonSerializer.Deserialize<AnswerCorpus>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name} is not an answer corpus: {e.Message}");
        }

        if (corpus is null || corpus.Format != CurrentFormat || corpus.Sources is null)
        {
            throw new InvalidDataException($"{name}: expected {{\"format\": \"{CurrentFormat}\", \"sources\": [...]}}");
        }

        corpus = corpus with { Name = name };
        _ = corpus.Answers;
        return corpus;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <summary>This corpus with <paramref name="source"/> in place of what it held for the same secure world.</summary>
    public AnswerCorpus With(CorpusSource source) =>
        this with { Sources = [.. Sources.Where(s => s.SecureWorld != source.SecureWorld).Append(source).OrderBy(s => s.SecureWorld, StringComparer.Ordinal)] };

    /// <summary>Whether the call is a direct request of either interface, the only calls a corpus keeps.</summary>
    public static string? InterfaceOfCall(RegisterSet issued) =>
        FfaFunctions.DirectRequest.Matches(issued.W0) ? InterfaceOf(new FunctionId(issued.W0).Convention)
        : FfaFunctions.DirectRequest2.Matches(issued.W0) ? "REQ2"
        : null;

    private static RecordedAnswer Read(CorpusSource source, CorpusCall call, string name)
    {
        var where = $"{name}: {source.SecureWorld}, '{call.Asked}'";
        var issued = Registers(call.Issued, $"{where}: issued");
        var answered = Registers(call.Answer, $"{where}: answer");
        var @interface = InterfaceOfCall(issued) ?? throw new InvalidDataException($"{where}: 0x{issued.W0:X} is no direct request; a corpus keeps answers to direct requests only");
        var pair = EndpointPair.Unpack(issued.X1);
        var answer = AnswerReading.Read(answered, new AnswerContext(pair.Sender, pair.Receiver, issued))
            ?? throw new InvalidDataException($"{where}: the answer {answered} is none the generators write, so they cannot draw it");
        return new RecordedAnswer(source, call, answer, @interface);
    }

    /// <summary>x0–x17 as the corpus and run.json write them (0x-prefixed hex); one error naming <paramref name="where"/> otherwise.</summary>
    public static RegisterSet Registers(IReadOnlyList<string> values, string where)
    {
        if (values is null || values.Count != RegisterSet.Count)
        {
            throw new InvalidDataException($"{where}: expected {RegisterSet.Count} registers as 0x-prefixed hex, got {values?.Count ?? 0}");
        }

        var x = new ulong[RegisterSet.Count];
        for (var i = 0; i < x.Length; i++)
        {
            if (!values[i].StartsWith("0x", StringComparison.Ordinal) || !ulong.TryParse(values[i].AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out x[i]))
            {
                throw new InvalidDataException($"{where}: x{i} = '{values[i]}' is not 0x-prefixed hex");
            }
        }

        return RegisterSet.From(x);
    }
}
