using FfaConformance.Abi;
using FfaConformance.Runner.Configuration;

namespace FfaConformance.Tests.Configuration;

/// <summary>Configuration sources merge in order, and every bad input is one message naming the key, its source and what is accepted.</summary>
[TestFixture]
[Category("Fast")]
public sealed class SettingsLoaderTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("ffa-config-").FullName;

    [TearDown]
    public void RemoveDirectory()
    {
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public void TheShippedDefaultsRunEveryDefinedTarget()
    {
        var settings = Load();

        Assert.Multiple(() =>
        {
            Assert.That(settings.Targets.Select(t => (t.Name, t.Adapter, t.Version)), Is.EqualTo(new[]
            {
                ("c-reference", "native", FfaVersion.V1_2), ("c-reference-optee", "qemu", FfaVersion.V1_2), ("c-reference-qemu", "qemu", FfaVersion.V1_2),
                ("c-reference-tfa", "qemu", FfaVersion.V1_2), ("edk2", "native", FfaVersion.V1_2), ("edk2-qemu", "qemu", FfaVersion.V1_2),
                ("emulator", "emulator", FfaVersion.V1_2),
                ("linux", "linux", FfaVersion.V1_0), ("linux-optee", "linux", FfaVersion.V1_0), ("linux-tfa", "linux", FfaVersion.V1_0),
                ("seed", "native", FfaVersion.V1_0), ("seed-optee", "qemu", FfaVersion.V1_0), ("seed-qemu", "qemu", FfaVersion.V1_0), ("seed-tfa", "qemu", FfaVersion.V1_0),
            }));
            Assert.That(settings.Options.MaxTest, Is.EqualTo(300));
            Assert.That(settings.Options.CallBudget, Is.EqualTo(256));
        });
    }

    [Test]
    public void RunParametersOverrideEnvironmentVariablesWhichOverrideTheFile()
    {
        var settings = Load(Environment(("FFA_Run__MaxTest", "40"), ("FFA_Run__CallBudget", "64")), ("Run:MaxTest", "50"));

        Assert.That((settings.Options.MaxTest, settings.Options.CallBudget), Is.EqualTo((50, 64)));
    }

    [Test]
    public void ATargetCanBeAddedWithTwoEnvironmentVariables()
    {
        var mine = Load(Environment(("FFA_Targets__mine__Adapter", "native"), ("FFA_Targets__mine__Source", "/path/x.c"))).Targets.Single(t => t.Name == "mine");

        Assert.That((mine.Adapter, mine.Version, mine.Keys["Source"]), Is.EqualTo(("native", SettingsLoader.DefaultVersion, "/path/x.c")));
    }

    [Test]
    public void RunTargetsCanNameASubset()
    {
        var settings = Load(Environment(("FFA_Targets__old__Adapter", "emulator"), ("FFA_Targets__old__Version", "1.0"), ("FFA_Run__Targets", "emulator,old")));

        Assert.That(settings.Targets.Select(t => (t.Name, t.Version)), Is.EqualTo(new[] { ("emulator", FfaVersion.V1_2), ("old", FfaVersion.V1_0) }));
    }

    [TestCase("Run__MaxTest", "abc", "Run:MaxTest = 'abc' (environment variable FFA_Run__MaxTest) is not valid; accepted: a whole number of cases per rule, 1–1000000")]
    [TestCase("Run__MaxTest", "0", "Run:MaxTest = '0' (environment variable FFA_Run__MaxTest) is not valid")]
    [TestCase("Run__CallBudget", "8", "Run:CallBudget = '8' (environment variable FFA_Run__CallBudget) is not valid; accepted: a whole number of conduit calls per case, 16–100000")]
    [TestCase("Run__Replay", "12", "Run:Replay = '12' (environment variable FFA_Run__Replay) is not valid; accepted: 'seed,gamma' or 'seed,gamma,size'")]
    [TestCase("Run__MaxTst", "3", "unknown key 'Run:MaxTst' (environment variable FFA_Run__MaxTst); accepted keys under Run: Targets, MaxTest")]
    [TestCase("Targets__emulator__Version", "2.0", "Targets:emulator:Version = '2.0' (environment variable FFA_Targets__emulator__Version) is not valid; accepted: the FF-A version the target negotiates: 1.0, 1.1, 1.2, 1.3")]
    [TestCase("Targets__emulator__Adapter", "jtag", "Targets:emulator:Adapter = 'jtag' (environment variable FFA_Targets__emulator__Adapter) is not valid; accepted: one of: emulator, native, qemu, qemu-elf")]
    [TestCase("Targets__emulator__Source", "x.c", "unknown key 'Targets:emulator:Source' (environment variable FFA_Targets__emulator__Source); accepted keys under Targets:emulator: Adapter, Version, MaxTest, Expectations")]
    [TestCase("Targets__seed__HangTimeoutMs", "5", "Targets:seed:HangTimeoutMs = '5' (environment variable FFA_Targets__seed__HangTimeoutMs) is not valid; accepted: milliseconds without a conduit call")]
    [TestCase("Run__Targets", "emulator,board", "Run:Targets names 'board' (environment variable FFA_Run__Targets), which is not defined; defined targets: c-reference, c-reference-optee, c-reference-qemu, c-reference-tfa, edk2, edk2-qemu, emulator, linux, linux-optee, linux-tfa, seed, seed-optee, seed-qemu, seed-tfa")]
    [TestCase("Runs__MaxTest", "3", "unknown configuration section 'Runs' (environment variable FFA_Runs__MaxTest); accepted sections: Run, Targets")]
    [TestCase("Run__Targets", "emulator,emulator", "Run:Targets names 'emulator' twice (environment variable FFA_Run__Targets); accepted: each target once")]
    [TestCase("run__MaxTest", "3", "'run:MaxTest' (environment variable FFA_run__MaxTest) is mis-cased; accepted: Run:MaxTest (keys are case-sensitive)")]
    [TestCase("Run__maxtest", "3", "'Run:maxtest' (environment variable FFA_Run__maxtest) is mis-cased; accepted: Run:MaxTest (keys are case-sensitive)")]
    [TestCase("Targets__emulator__version", "1.0", "'Targets:emulator:version' (environment variable FFA_Targets__emulator__version) is mis-cased; accepted: Targets:emulator:Version (keys are case-sensitive)")]
    [TestCase("Targets__Emulator__Adapter", "emulator", "targets 'emulator' (file ")]
    [TestCase("Targets__mine__Adapter", "native", "Targets:mine:Source is missing (environment variable FFA_Targets__mine__Adapter); accepted: the implementation as its binding takes it")]
    [TestCase("Targets__mine__Adapter", "qemu-elf", "Targets:mine:Firmware is missing (environment variable FFA_Targets__mine__Adapter); accepted: the path of an AArch64 firmware ELF")]
    [TestCase("Targets__mine__Adapter", "linux-board", "Targets:mine:Host is missing (environment variable FFA_Targets__mine__Adapter); accepted: the board's SSH destination, [user@]host")]
    [TestCase("Targets__my&target__Adapter", "emulator", "target name 'my&target' (environment variable FFA_Targets__my&target__Adapter) is not accepted; accepted: letters, digits, '-', '_' and '.'")]
    [TestCase("Targets__a=b__Adapter", "emulator", "target name 'a=b' (environment variable FFA_Targets__a=b__Adapter) is not accepted")]
    [TestCase("Targets__emulator", "x", "'Targets:emulator' (environment variable FFA_Targets__emulator) is not a key; accepted: Targets:<name>:<key>")]
    public void ABadValueIsOneMessageNamingTheKey(string variable, string value, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => Load(Environment((SettingsLoader.EnvironmentPrefix + variable, value))));

        Assert.That(error!.Message, Does.StartWith(message));
    }

    [TestCase("Mode", "watch", "Targets:board:Mode = 'watch' (environment variable FFA_Targets__board__Mode) is not valid; accepted: answer (the companion answers")]
    [TestCase("Port", "0", "Targets:board:Port = '0' (environment variable FFA_Targets__board__Port) is not valid; accepted: the board's SSH port, 1–65535")]
    [TestCase("Host", "-oProxyCommand=x", "Targets:board:Host = '-oProxyCommand=x' (environment variable FFA_Targets__board__Host) is not valid")]
    [TestCase("HostName", "x", "unknown key 'Targets:board:HostName' (environment variable FFA_Targets__board__HostName); accepted keys under Targets:board: Adapter, Version, MaxTest, Expectations, Host, Port, IdentityFile, KnownHosts, Mode, KernelBuild, DriverSymbols, HangTimeoutMs")]
    public void ABoardsBadKeyIsOneMessageNamingIt(string key, string value, string message)
    {
        (string, string)[] board = [("FFA_Targets__board__Adapter", "linux-board"), ("FFA_Targets__board__Host", "root@board")];
        var error = Assert.Throws<ConfigurationException>(() => Load(Environment(
            [.. board.Where(b => b.Item1 != $"FFA_Targets__board__{key}"), ($"FFA_Targets__board__{key}", value)])));

        Assert.That(error!.Message, Does.StartWith(message));
    }

    [TestCase("FFA__Run__Targets")]
    [TestCase("ffa_Run__Targets")]
    [TestCase("FFA_")]
    public void AVariableThatLooksLikeOursButIsNotIsAnError(string variable)
    {
        var error = Assert.Throws<ConfigurationException>(() => Load(Environment((variable, "emulator"))));

        Assert.That(error!.Message, Does.StartWith($"environment variable {variable} is not a configuration key; accepted: FFA_ (upper case, one underscore) followed by the key"));
    }

    [Test]
    public void ABrokenConfigurationStillNamesTheTargetsItMentions()
    {
        var environment = Environment(("FFA_Targets__mine__Sorce", "x.c"), ("FFA_Targets__mine__Adapter", "native"), ("FFA__Targets__other__Adapter", "native"));

        Assert.Throws<ConfigurationException>(() => Load(environment));
        Assert.That(SettingsLoader.MentionedTargets([], null, environment), Is.SupersetOf(new[] { "emulator", "mine", "other" }));
    }

    [Test]
    public void AReplayCarriesWhatDefinesTheTargetAndTheRunButNotWhereResultsGo()
    {
        var settings = Load(Environment(
            ("FFA_Targets__mine__Adapter", "native"), ("FFA_Targets__mine__Source", "/path with space/it's.c"), ("FFA_Run__CallBudget", "64"),
            ("FFA_Run__ResultsDirectory", "/tmp/elsewhere"), ("FFA_Run__Targets", "mine")), ("Run:MaxTest", "50"));

        var command = ReplayCommand.For(settings, "mine", "INV-RT-GATE", "1,3,2");

        Assert.That(command, Is.EqualTo(
            "FFA_Run__CallBudget=64 FFA_Run__MaxTest=50 FFA_Targets__mine__Adapter=native FFA_Targets__mine__Source='/path with space/it'\\''s.c' " +
            $"FFA_Run__Targets=mine FFA_Run__Replay=1,3,2 dotnet test {Path.Combine(directory, "suite")} --filter 'Target=mine&Rule=INV-RT-GATE'"));
    }

    /// <summary>A kept counterexample has no seed: its replay names the database the case is kept in, wherever the results went.</summary>
    [Test]
    public void AKeptCounterexamplesReplayNamesItsDatabase()
    {
        var settings = Load(Environment(("FFA_Run__ResultsDirectory", "/tmp/elsewhere")));

        var command = ReplayCommand.For(settings, "emulator", "INV-RT-GATE", string.Empty);

        Assert.That(command, Is.EqualTo($"FFA_Run__Targets=emulator FFA_Run__Examples=/tmp/elsewhere/examples dotnet test {Path.Combine(directory, "suite")} --filter 'Target=emulator&Rule=INV-RT-GATE'"));
    }

    [TestCase("none", null)]
    [TestCase("kept", "kept")]
    public void RunExamplesNamesTheDatabaseOrNone(string value, string? relative)
    {
        var settings = Load(Environment(("FFA_Run__Examples", value)));

        Assert.That(settings.Examples, Is.EqualTo(relative is null ? null : Path.Combine(directory, relative)));
    }

    [Test]
    public void RunExamplesRefusesAMisCasedNone()
    {
        var error = Assert.Throws<ConfigurationException>(() => Load(Environment(("FFA_Run__Examples", "None"))));

        Assert.That(error!.Message, Does.Contain("Run:Examples").And.Contain("'none' to keep no counterexamples"));
    }

    [Test]
    public void ARunsettingsParameterIsNamedAsSuch()
    {
        var error = Assert.Throws<ConfigurationException>(() => Load(("Run:MaxTest", "-1")));

        Assert.That(error!.Message, Does.StartWith("Run:MaxTest = '-1' (runsettings parameter Run:MaxTest) is not valid"));
    }

    [Test]
    public void AMalformedDefaultsFileIsNamed()
    {
        var file = Path.Combine(directory, "broken.json");
        File.WriteAllText(file, "{ \"Run\": ");

        var error = Assert.Throws<ConfigurationException>(() => SettingsLoader.Load([], file, directory, Environment()));

        Assert.That(error!.Message, Does.StartWith($"{file} is not valid JSON"));
    }

    [Test]
    public void AMissingDefaultsFileIsNamed()
    {
        var file = Path.Combine(directory, "absent.json");

        var error = Assert.Throws<ConfigurationException>(() => SettingsLoader.Load([], file, directory, Environment()));

        Assert.That(error!.Message, Does.StartWith($"the defaults file {file} is missing"));
    }

    private SuiteSettings Load(params (string Key, string Value)[] parameters) => Load(Environment(), parameters);

    private SuiteSettings Load(System.Collections.IDictionary environment, params (string Key, string Value)[] parameters) =>
        SettingsLoader.Load(parameters.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)), defaultsFile: null, repositoryRoot: directory, environment);

    private static System.Collections.IDictionary Environment(params (string Name, string Value)[] variables) => variables.ToDictionary(v => v.Name, v => v.Value);
}
