using FfaConformance.Cli;

return args switch
{
    ["rules"] => Commands.Rules(),
    ["rules", "--update", var document] => Commands.Update(document),
    ["bench"] => Benchmark.Run(TimeSpan.FromSeconds(5)),
    ["bench", "--linux-cold"] => Benchmark.Run(TimeSpan.FromSeconds(5), linuxCold: true),
    ["bench", "--seconds", var seconds] when double.TryParse(seconds, out var s) && s > 0 => Benchmark.Run(TimeSpan.FromSeconds(s)),
    ["bench", "--seconds", var seconds, "--linux-cold"] when double.TryParse(seconds, out var s) && s > 0 => Benchmark.Run(TimeSpan.FromSeconds(s), linuxCold: true),
    ["bench-journal"] => JournalBenchmark.Run(TimeSpan.FromSeconds(10)),
    ["bench-journal", "--seconds", var seconds] when double.TryParse(seconds, out var s) && s > 0 => JournalBenchmark.Run(TimeSpan.FromSeconds(s)),
    ["report", .. var rest] => ReportCommand.Run(rest),
    ["corpus", .. var rest] => CorpusCommand.Run(rest),
    ["bench-report"] => ReportScale.Run(),
    ["screenshot", var report, var png] => Chromium.Screenshot(report, png, null).GetAwaiter().GetResult(),
    ["screenshot", var report, var png, var panel] => Chromium.Screenshot(report, png, panel).GetAwaiter().GetResult(),
    [] or ["--help"] or ["-h"] or ["help"] => Commands.Help(),
    _ => Commands.Usage(args),
};
