using FfaConformance.Cli;

return args switch
{
    ["rules"] => Commands.Rules(),
    ["rules", "--update-readme", var readme] => Commands.UpdateReadme(readme),
    ["bench"] => Benchmark.Run(TimeSpan.FromSeconds(5)),
    ["bench", "--seconds", var seconds] when double.TryParse(seconds, out var s) && s > 0 => Benchmark.Run(TimeSpan.FromSeconds(s)),
    _ => Commands.Usage(args),
};
