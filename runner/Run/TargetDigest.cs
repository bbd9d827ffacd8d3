using System.Security.Cryptography;
using System.Text;
using FfaConformance.Scenarios.Targets;

namespace FfaConformance.Runner.Run;

/// <summary>
/// Everything that defines one target's verdicts in a run, as one SHA-256: the suite's build and the run's
/// settings (<see cref="RunPlan.Fingerprint"/>), the target's configuration, its expectations as they stand on the
/// day (which have expired), and what it was built from and runs (<see cref="Provenance"/>, with its
/// <see cref="Provenance.Inputs"/>). A stopped run's results of a target are taken up only under the same digest.
/// </summary>
public static class TargetDigest
{
    public static string Of(RunPlan plan, RunTarget target, TargetDescription built, DateOnly today)
    {
        var text = new StringBuilder()
            .AppendLine(plan.SuiteBuild)
            .AppendLine(plan.Fingerprint)
            .AppendLine($"{target.Name} {target.Adapter} {target.Version} {target.MaxTest}");
        foreach (var (key, value) in target.Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"key {key}={value}");
        }

        foreach (var expectation in target.Expectations.Values.OrderBy(e => e.Rule, StringComparer.Ordinal))
        {
            text.AppendLine($"expected {expectation} expired={expectation.Expires < today}");
        }

        var provenance = built.Provenance;
        text.AppendLine($"built {built.Version} {built.Capabilities} {provenance.Source} {provenance.Sha256} {provenance.Compiler} {provenance.Qemu} {provenance.Inputs}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
