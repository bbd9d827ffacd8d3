using System.Net;
using System.Net.Sockets;
using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Linux;
using FfaConformance.Adapters.Linux.Board;
using FfaConformance.Adapters.Qemu.Firmware;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Adapters.Sources;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.Linux.Board;

/// <summary>
/// A QEMU guest standing in for a board: Debian's arm64 kernel with the arm_ffa driver (unmodified, or a self-test's
/// mutant), reached only through SSH on 127.0.0.1 (QEMU's user networking forwards one loopback port to Dropbear).
/// Its firmware is played by the harness through QEMU's gdbstub on a unix socket, invisibly to the linux-board
/// adapter: every FF-A call the guest makes reaches <see cref="Firmware"/>, which hosts <see cref="Partitions"/> —
/// not the managed secure world's — and answers direct requests as a partition would, with a response that adds
/// <see cref="ResponseMark"/> to each payload word, so that a test sees whose answer a call got.
/// </summary>
internal sealed class StandInBoard : IDisposable
{
    /// <summary>The board's own partition: its ID and UUID are the stand-in's, no partition of the managed secure world has them.</summary>
    public static readonly PartitionTable Partitions = new([new Partition(0x8010, Guid.Parse("8a0f1d3e-4c5b-4e6f-9a7b-2c3d4e5f6a7b"), 1, Partition.DirectMessagingAArch64)]);

    public const ulong ResponseMark = 0x1000;

    private static readonly TimeSpan PacketTimeout = TimeSpan.FromSeconds(5);

    private readonly QemuTools tools;
    private readonly string kernelImage;
    private readonly StandInImage image;
    private readonly KernelSites sites;
    private readonly List<ConduitCall> calls = [];
    private readonly KernelUnderTfa? underTfa;
    private readonly BootAbis abis = new(Partitions, FfaVersion.V1_2);
    private QemuMachine? machine;
    private Thread? firmware;
    private BootAbis.Mapping mapping = new();
    private volatile bool stopping;
    private string? fault;

    private StandInBoard(QemuTools tools, string kernelImage, StandInImage image, string driverSymbols, KernelUnderTfa? underTfa = null)
    {
        this.underTfa = underTfa;
        this.tools = tools;
        this.kernelImage = kernelImage;
        this.image = image;
        sites = KernelSites.Find(kernelImage);
        DriverSymbols = driverSymbols;
        Port = FreePort();
        KnownHosts = Path.Combine(Directory.CreateTempSubdirectory("ffa-stand-in-").FullName, "known_hosts");
    }

    public int Port { get; }

    /// <summary>The Module.symvers of the board's driver, built outside Debian's kernel tree as a board's often is.</summary>
    public string DriverSymbols { get; }

    public string IdentityFile => image.IdentityFile;

    /// <summary>A known-hosts file with the board's host keys, taken with ssh-keyscan after each power-on (Dropbear makes a new one each boot).</summary>
    public string KnownHosts { get; }

    /// <summary>Every FF-A call the board's firmware answered, in order.</summary>
    public IReadOnlyList<ConduitCall> Firmware
    {
        get
        {
            lock (calls)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>What went wrong in the firmware's loop, if anything did.</summary>
    public string? Fault => fault;

    /// <summary>
    /// Boots the stand-in with the packaged driver or <paramref name="mutate"/>'s mutant of driver.c, and waits until SSH
    /// answers. With <paramref name="secureWorld"/> it is a board with real firmware: the kernel boots as TF-A's BL33 and
    /// every FF-A call goes to the real SPMC, which nothing in the harness sees.
    /// </summary>
    public static StandInBoard Boot(Func<string, string>? mutate = null, RealSecureWorld? secureWorld = null)
    {
        var kernel = LinuxTargets.Kernel();
        var buildRoot = Path.Combine(NativeTargets.Root, "artifacts", "build");
        QemuTools tools;
        try
        {
            (_, tools) = QemuPrerequisites.Require("stand-in", buildRoot);
        }
        catch (TargetUnavailableException e) when (e.Skip)
        {
            Prerequisite.Missing(e.Message);
            throw;
        }

        var driver = LinuxModules.Build(kernel, DriverSource.Packaged(kernel), PartitionTable.Default, buildRoot, mutate);
        var image = StandInImage.Build(kernel, driver, buildRoot);
        KernelUnderTfa? underTfa = null;
        if (secureWorld is not null)
        {
            if (Toolchain.OnPath("fiptool") is not { } fiptool)
            {
                Prerequisite.Missing("fiptool (Debian: arm-trusted-firmware-tools) puts the board's BL33 into TF-A's fip");
                return null!;
            }

            underTfa = KernelUnderTfa.Prepare(secureWorld, tools, fiptool, buildRoot, image.Initramfs);
        }

        var board = new StandInBoard(tools, kernel.Image, image, Path.Combine(driver.Driver, "Module.symvers"), underTfa);
        try
        {
            board.PowerOn();
            return board;
        }
        catch
        {
            board.Dispose();
            throw;
        }
    }

    /// <summary>Pulls the board's plug: QEMU is gone, and with it the SSH port.</summary>
    public void PowerOff()
    {
        stopping = true;
        machine?.Dispose();
        machine = null;
        if (firmware is { IsAlive: true })
        {
            firmware.Join(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>A reset: the plug pulled, then the board booted again from its ramdisk, as a board comes back — without anything copied to it.</summary>
    public void Reset()
    {
        PowerOff();
        PowerOn();
    }

    public void Dispose() => PowerOff();

    private void PowerOn()
    {
        var console = Path.Combine(Path.GetTempPath(), $"ffa-stand-in-{Guid.NewGuid():N}.log");
        string[] network = ["-netdev", $"user,id=n0,hostfwd=tcp:127.0.0.1:{Port}-:22", "-device", "virtio-net-pci,netdev=n0,romfile="];
        machine = underTfa is null
            ? QemuMachine.Start(tools, kernelImage, 256, extra: ["-initrd", image.Initramfs, "-no-reboot", "-append", LinuxKernel.CommandLine, .. network], console: console)
            : underTfa.Start(tools, kernelImage, image.Initramfs, console, network);
        (stopping, mapping) = (false, new BootAbis.Mapping());
        var gdb = machine.Gdb;
        if (underTfa is null)
        {
            foreach (var site in new[] { sites.PsciConduit, sites.FfaConduit })
            {
                GdbRemote.Expect(gdb.Command($"Z0,{site:x},4", PacketTimeout), $"a breakpoint at 0x{site:X}");
            }
        }

        gdb.Send("c");
        if (underTfa is null)
        {
            // Under real TF-A the board's firmware is TF-A's: the harness plays none of it.
            firmware = new Thread(() => Serve(gdb)) { IsBackground = true, Name = "ffa stand-in firmware" };
            firmware.Start();
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            var (scanned, keys) = Toolchain.Invoke("ssh-keyscan", ["-T", "2", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "127.0.0.1"]);
            if (scanned == 0 && keys.Contains("ssh-", StringComparison.Ordinal))
            {
                File.AppendAllLines(KnownHosts, keys.Split('\n').Where(l => l.StartsWith('[')));
            }

            // Up is when root can log in: Dropbear closes connections beyond five unauthenticated ones, which the scans above may hold.
            if (File.Exists(KnownHosts) && new SecureShell("root@127.0.0.1", Port, IdentityFile, KnownHosts).Run("true").Exit == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline || fault is not null || machine.HasExited)
            {
                var said = File.Exists(console) ? string.Join(" | ", File.ReadAllLines(console).TakeLast(15)) : string.Empty;
                throw new InvalidOperationException($"the stand-in board did not answer SSH on 127.0.0.1:{Port}: {fault ?? "no answer"}; its console: {said}");
            }

            Thread.Sleep(500);
        }
    }

    /// <summary>The board's firmware: answers every FF-A call, lets QEMU's PSCI take the rest, until the guest is gone.</summary>
    private void Serve(GdbRemote gdb)
    {
        try
        {
            var trapped = false;
            while (!stopping)
            {
                var stop = gdb.Receive(TimeSpan.FromSeconds(1));
                if (stop is null)
                {
                    continue;
                }

                if (stop[0] is 'W' or 'X')
                {
                    return;
                }

                if (!trapped)
                {
                    KernelConduit.Trap(gdb, sites, PacketTimeout);
                    trapped = true;
                }

                var registers = gdb.ReadRegisters(PacketTimeout);
                var pc = registers[GdbRemote.Pc];
                if (pc == sites.PsciConduit)
                {
                    if (KernelConduit.Discovery(registers) is { } discovery)
                    {
                        KernelConduit.Answer(gdb, registers, discovery, PacketTimeout);
                    }
                    else
                    {
                        KernelConduit.PassThrough(gdb, pc, PacketTimeout);
                    }
                }
                else if (pc == sites.FfaConduit)
                {
                    var issued = RegisterSet.From(registers.AsSpan(0, RegisterSet.Count));
                    var (answer, writes) = Answer(issued);
                    foreach (var write in writes)
                    {
                        gdb.WriteMemory(write.Address, write.Bytes, PacketTimeout);
                    }

                    lock (calls)
                    {
                        calls.Add(new ConduitCall(ConduitKind.Hvc, issued, answer));
                    }

                    KernelConduit.Answer(gdb, registers, answer, PacketTimeout);
                }
                else
                {
                    fault = $"the guest stopped at 0x{pc:X}, where the stand-in set no breakpoint or trap ({stop})";
                    gdb.Send("c");
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidDataException or TimeoutException or InvalidOperationException)
        {
            if (!stopping)
            {
                fault = $"the stand-in's firmware lost the guest: {e.Message}";
            }
        }
    }

    /// <summary>Direct requests as a partition answers them (its payload, each word plus <see cref="ResponseMark"/>); everything else as <see cref="BootAbis"/> does.</summary>
    private (RegisterSet Answer, IReadOnlyList<MemoryWrite> Writes) Answer(RegisterSet issued)
    {
        var w0 = issued.W0;
        var pair = EndpointPair.Unpack(issued.X1);
        var swapped = ((ulong)pair.Receiver << 16) | pair.Sender;
        foreach (var convention in new[] { Convention.Smc32, Convention.Smc64 })
        {
            if (w0 == FfaFunctions.DirectRequest.Id(convention).Value)
            {
                var mask = convention == Convention.Smc32 ? 0xFFFF_FFFFUL : ulong.MaxValue;
                return (RegisterSet.Of(FfaFunctions.DirectResponse.Id(convention).Value, swapped, 0,
                    (issued[3] + ResponseMark) & mask, (issued[4] + ResponseMark) & mask, (issued[5] + ResponseMark) & mask, (issued[6] + ResponseMark) & mask, (issued[7] + ResponseMark) & mask), []);
            }
        }

        if (w0 == FfaFunctions.DirectRequest2.Id(Convention.Smc64).Value)
        {
            var words = new ulong[RegisterSet.Count];
            words[0] = FfaFunctions.DirectResponse2.Id(Convention.Smc64).Value;
            words[1] = swapped;
            for (var i = 4; i < RegisterSet.Count; i++)
            {
                words[i] = issued[i] + ResponseMark;
            }

            return (RegisterSet.From(words), []);
        }

        var reply = abis.Answer(issued, new BootState(0), mapping);
        return (reply.Answer!, reply.Writes);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
