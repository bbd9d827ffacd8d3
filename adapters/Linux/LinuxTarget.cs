using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Linux.Companion;
using FfaConformance.Adapters.Qemu.Firmware;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Adapters.Sources;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Linux;

/// <summary>
/// The linux adapter: Linux's own arm_ffa driver, built unmodified, in Debian's current arm64 kernel under QEMU.
/// The companion module runs each case's steps through the driver's API (sync_send_receive in the driver's
/// default and in 32-bit mode); every conduit call the driver makes — at probe and in every request — is
/// trapped and answered by the managed secure world. What a driver cannot be asked to do is not claimed: no
/// ExitBootServices, no NULL message, no boot-time entry, no destination the driver did not register, and one
/// endpoint ID, the one the driver asked for at probe. An oops, a panic or a hang ends its case with the
/// kernel's words, and the guest is put back to the snapshot taken when it first waited for a case (or booted
/// again when QEMU itself is gone) for the next.
/// </summary>
public sealed class LinuxTarget : IProbedTarget
{
    public const string AdapterName = "linux";

    /// <summary>The endpoint ID the secure world gives the driver at probe; cases keep it, as the driver does.</summary>
    public const ushort EndpointId = 0;

    private readonly QemuTools tools;
    private readonly LinuxKernel kernel;
    private readonly LinuxModules modules;
    private readonly KernelSites sites;
    private readonly ManagedSecureWorld world;
    private readonly TimeSpan hangTimeout;
    private readonly RealSecureWorld? secureWorld;
    private readonly KernelUnderTfa? underTfa;
    private readonly List<int> machineProcessIds = [];
    private LinuxGuest? guest;

    private LinuxTarget(TargetDescription description, QemuTools tools, LinuxKernel kernel, LinuxModules modules, KernelSites sites, ManagedSecureWorld world, TimeSpan hangTimeout,
        RealSecureWorld? secureWorld = null, KernelUnderTfa? underTfa = null)
    {
        this.secureWorld = secureWorld;
        this.underTfa = underTfa;
        Description = description;
        this.tools = tools;
        this.kernel = kernel;
        this.modules = modules;
        this.sites = sites;
        this.world = world;
        this.hangTimeout = hangTimeout;
    }

    public TargetDescription Description { get; private set; }

    /// <summary>The driver's calls at its last probe, each with the secure world's answer.</summary>
    public IReadOnlyList<ConduitCall> Probe { get; private set; } = [];

    public BootData Probed => new(EndpointId, Description.Version);

    public IReadOnlyList<int> MachineProcessIds => machineProcessIds;

    public long TrappedCalls { get; private set; }

    /// <summary>Cases after which the guest had to be put back to its booted state (or booted again).</summary>
    public int Resets { get; private set; }

    /// <summary>How long the last boot took, from QEMU's start to the companion waiting for a case.</summary>
    public TimeSpan LastBoot { get; private set; }

    /// <summary>Fetches and builds what the target needs (cached), boots it and lets the driver probe; <see cref="TargetUnavailableException"/> says why not.</summary>
    public static LinuxTarget Create(string name, FfaVersion secureWorld, LinuxOptions options, FfaVersion? configured = null)
    {
        var (_, tools) = QemuPrerequisites.Require(name, options.BuildRoot);
        var real = options.SecureWorld;
        var fiptool = real is null ? null : Toolchain.OnPath("fiptool")
            ?? throw new TargetUnavailableException($"linux target {name} is skipped: fiptool not found on PATH (Debian: apt-get install arm-trusted-firmware-tools)", skip: true);
        var kernel = LinuxKernel.Prepare(options.BuildRoot, name);
        var driver = options.Source is null ? DriverSource.Packaged(kernel) : DriverSource.Resolve(options.Source, options.SourceKey, kernel);
        LinuxModules modules;
        KernelUnderTfa? underTfa = null;
        try
        {
            // Under real firmware the companion binds to the partitions the driver's probe of it finds.
            modules = LinuxModules.Build(kernel, driver, real is null ? PartitionTable.Default : null, options.BuildRoot, options.Mutate);
            if (real is not null)
            {
                underTfa = KernelUnderTfa.Prepare(real, tools, fiptool!, options.BuildRoot, modules.Initramfs);
            }
        }
        catch (TargetBuildException e)
        {
            throw new TargetUnavailableException($"{options.SourceKey} = '{options.Source ?? driver.Folder}' does not build: {e.Message}", skip: false);
        }

        var world = new ManagedSecureWorld(PartitionTable.Default, secureWorld);
        var scripted = real is null ? TargetCapabilities.ScriptableSecureWorld : TargetCapabilities.None;
        var capabilities = scripted | TargetCapabilities.Smc32Request | (modules.Req2 ? TargetCapabilities.DirectRequest2 : TargetCapabilities.None);
        var description = new TargetDescription(name, AdapterName, secureWorld, capabilities,
            new Provenance(driver.Origin, driver.Sha256, Qemu: tools.Version, Note: $"Debian kernel {kernel.Abi} ({kernel.Version})") { Inputs = ImageDigest.Of(kernel.Image, modules.Initramfs) })
        {
            FixedEndpointId = EndpointId,
            OwnServiceUuidOnly = modules.Req2 && !modules.Req2TakesUuid,
        };
        var target = new LinuxTarget(description, tools, kernel, modules, KernelSites.Find(kernel.Image, real is null ? ConduitKind.Hvc : ConduitKind.Smc), world, options.HangTimeout, real, underTfa);
        try
        {
            target.Boot();
        }
        catch (InvalidOperationException e)
        {
            target.Dispose();
            throw new TargetUnavailableException(real is null ? $"linux target {name}: {e.Message}" : $"{real.Key} = '{real.Folder}': the kernel under it: {e.Message}", skip: false);
        }

        return NegotiatedVersion.Checked(target, configured);
    }

    public void Run(CaseSession session, BootData boot)
    {
        if (boot.EndpointId != EndpointId)
        {
            throw new ArgumentException($"the linux target's driver keeps endpoint ID 0x{EndpointId:X4}; the case asks for 0x{boot.EndpointId:X4}", nameof(boot));
        }

        if (guest is null)
        {
            try
            {
                Boot();
            }
            catch (InvalidOperationException e)
            {
                new CompanionCaseRun(session).Lose(new Stopped(StopReason.Crashed, $"the guest could not be booted again: {e.Message}"));
                return;
            }
        }

        var live = guest!;
        var before = live.TrappedCalls;
        var usable = live.Run(session, hangTimeout);
        TrappedCalls += live.TrappedCalls - before;
        if (!usable)
        {
            Resets++;
            if (!live.Reset())
            {
                Drop();
            }
        }
    }

    public void Dispose() => Drop();

    /// <summary>Boots the guest; the driver's probe is answered by the secure world, and what it negotiated becomes the target's version.</summary>
    private void Boot()
    {
        var probe = world.Begin(Scenario.Of(new BootState(EndpointId)), callBudget: 10_000);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        guest = LinuxGuest.Boot(tools, kernel, modules, sites, probe, LinuxOptions.BootTimeout, underTfa);
        LastBoot = clock.Elapsed;
        machineProcessIds.Add(guest.ProcessId);
        TrappedCalls += guest.TrappedCalls;
        Probe = probe.Finish().Boot;
        var requested = Probe.FirstOrDefault(c => c.Issued.W0 == FfaFunctions.Version.Id(Convention.Smc32).Value)?.Issued is { } version
            ? FfaVersion.Decode(version.W1)
            : throw new InvalidOperationException("the driver probed without FFA_VERSION");
        var partitions = secureWorld is null ? PartitionTable.Default : guest.ConsolePartitions();
        if (guest.Devices != partitions.Partitions.Count || partitions.Partitions.Count == 0)
        {
            throw new InvalidOperationException($"the companion bound to {guest.Devices} of the {partitions.Partitions.Count} partitions the secure world described");
        }

        var implemented = secureWorld is null ? world.Implemented
            : Probe.FirstOrDefault(c => c.Issued.W0 == FfaFunctions.Version.Id(Convention.Smc32).Value)?.Answer is { } answer && (answer.W0 & 0x8000_0000) == 0
                ? FfaVersion.Decode(answer.W0)
                : throw new InvalidOperationException("the real secure world did not answer the driver's FFA_VERSION with a version");
        if (secureWorld is not null && Probe.FirstOrDefault(c => c.Issued.W0 == FfaFunctions.IdGet.Id(Convention.Smc32).Value)?.Answer is { } id && (ushort)id[2] != EndpointId)
        {
            throw new InvalidOperationException($"the real secure world gave the driver endpoint ID 0x{(ushort)id[2]:X4}; the linux target supports 0x{EndpointId:X4} only");
        }

        var under = secureWorld is null ? string.Empty : $"; under the real secure world {secureWorld.Folder}: FF-A {implemented}, partitions {string.Join(", ", partitions.Partitions.Select(p => $"0x{p.Id:X4} ({p.Uuid})"))}";
        Description = Description with
        {
            Version = requested < implemented ? requested : implemented,
            Partitions = secureWorld is null ? null : partitions,
            Provenance = Description.Provenance with { Note = $"Debian kernel {kernel.Abi} ({kernel.Version}); the driver's probe: {Probe.Count} calls{under}" },
        };
    }

    private void Drop()
    {
        guest?.Dispose();
        guest = null;
    }
}
