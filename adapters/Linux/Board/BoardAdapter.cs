using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Linux.Board;

/// <summary>The linux-board adapter as configuration knows it: Host, Port, IdentityFile, KnownHosts, Mode, KernelBuild, DriverSymbols, HangTimeoutMs.</summary>
public sealed class BoardAdapter : IAdapter
{
    private static readonly SettingKey Host = new("Host", "the board's SSH destination, [user@]host (e.g. root@10.0.0.7)", v => v.Trim().Length > 0 && !v.Any(char.IsWhiteSpace) && !v.StartsWith('-'))
    {
        Required = true,
    };

    private static readonly SettingKey Port = new("Port", "the board's SSH port, 1–65535 (default 22)", v => SettingKey.IsInt(v, 1, 65_535));

    private static readonly SettingKey IdentityFile = new("IdentityFile", "a private key file for SSH (default: ssh's own)", v => v.Trim().Length > 0);

    private static readonly SettingKey KnownHosts = new("KnownHosts", "a known-hosts file holding the board's host key; checked strictly (default: ssh's own)", v => v.Trim().Length > 0);

    private static readonly SettingKey Mode = new("Mode", "answer (the companion answers the cases' calls with the managed secure world) or observe (the board's secure world answers)", v => v is "answer" or "observe");

    private static readonly SettingKey KernelBuild = new(
        "KernelBuild",
        $"the board kernel's build tree, for building the companion module (default: Debian's current {LinuxKernel.Series} arm64 kernel)",
        v => v.Trim().Length > 0);

    private static readonly SettingKey DriverSymbols = new(
        "DriverSymbols",
        "the Module.symvers of the board's arm_ffa driver when it was built outside the kernel tree (its exports and their versions)",
        v => v.Trim().Length > 0);

    public string Name => BoardTarget.AdapterName;

    public IReadOnlyList<SettingKey> Keys => [Host, Port, IdentityFile, KnownHosts, Mode, KernelBuild, DriverSymbols, SettingKey.HangTimeout];

    public ITarget Create(TargetConfig config)
    {
        foreach (var key in new[] { IdentityFile, KnownHosts, KernelBuild, DriverSymbols })
        {
            if (config.Path(key.Name) is { } path && !File.Exists(path) && !Directory.Exists(path))
            {
                throw new TargetUnavailableException($"{config.Show(key.Name)}: no such file or folder ({key.Accepted})", skip: false);
            }
        }

        return BoardTarget.Create(
            config.Name,
            config.SecureWorldVersion,
            new BoardOptions(
                config.Value(Host.Name)!,
                config.Value(Port.Name) is { } port ? int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) : BoardOptions.DefaultPort,
                config.Path(IdentityFile.Name),
                config.Path(KnownHosts.Name),
                config.Value(Mode.Name) == "observe" ? BoardMode.Observe : BoardMode.Answer,
                config.Path(KernelBuild.Name),
                config.Path(DriverSymbols.Name),
                config.BuildDirectory,
                config.Milliseconds(SettingKey.HangTimeout.Name) ?? BoardOptions.DefaultHangTimeout),
            config.Keys.ContainsKey("Version") ? config.Version : null);
    }
}
