using FfaConformance.Generators.Corpus;
using FfaConformance.Records;

namespace FfaConformance.Cli;

/// <summary>
/// ffa corpus: the answers one real-secure-world target of a run got to the direct requests of its probe's survey,
/// written into the answer corpus the generators draw from, with the secure world and firmware they came from.
/// </summary>
internal static class CorpusCommand
{
    public const string Usage = "corpus RUN.json TARGET SECURE-WORLD FIRMWARE [--out FILE]";

    public static int Run(string[] args)
    {
        if (args is not [var runFile, var targetName, var secureWorld, var firmware, .. var rest] || rest is not ([] or ["--out", _]))
        {
            Console.Error.WriteLine($"ffa corpus: expected {Usage}: a run's record, one of its targets under a real secure world, that secure world's name and the firmware it is built from (default FILE: {AnswerCorpus.Document})");
            return 2;
        }

        var output = rest is ["--out", var file] ? file : AnswerCorpus.Document;
        try
        {
            var run = RunRecordFile.Read(runFile);
            var target = run.Targets.FirstOrDefault(t => t.Name == targetName)
                ?? throw new InvalidDataException($"{runFile} has no target '{targetName}'; it has {string.Join(", ", run.Targets.Select(t => t.Name))}");
            if (target is not { RealSecureWorld: true, SecureWorldCalls.Count: > 0 })
            {
                throw new InvalidDataException($"{runFile}: {targetName} was not answered by a real secure world, so it recorded no survey");
            }

            var calls = target.SecureWorldCalls!
                .Where(c => c.Call.Answer is not null && AnswerCorpus.InterfaceOfCall(AnswerCorpus.Registers(c.Call.X, $"{runFile}: {targetName}, '{c.Asked}'")) is not null)
                .Select(c => new CorpusCall(c.Asked, c.Call.X, c.Call.Answer!))
                .ToArray();
            var existing = File.Exists(output) ? AnswerCorpus.Parse(File.ReadAllText(output), output) : new AnswerCorpus(AnswerCorpus.CurrentFormat, []);
            var source = new CorpusSource(secureWorld, firmware, $"{run.Run.Id} ({run.Run.Started.UtcDateTime:yyyy-MM-dd})", targetName, calls);
            var corpus = existing.With(source);
            _ = AnswerCorpus.Parse(corpus.ToJson(), output);
            File.WriteAllText(output, corpus.ToJson());
            Console.WriteLine($"{output}: {calls.Length} answers of {secureWorld} from {targetName} in run {run.Run.Id}");
            return 0;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"ffa corpus: {e.Message}");
            return 2;
        }
    }
}
