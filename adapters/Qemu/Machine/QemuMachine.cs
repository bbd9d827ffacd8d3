using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>
/// One qemu-system-aarch64 (-M virt, halted at start) with its gdbstub on a unix socket — never a network
/// port — started under the keeper so that it dies with the test process. Disposing it kills it.
/// </summary>
public sealed class QemuMachine : IDisposable
{
    /// <summary>Where -M virt's RAM begins.</summary>
    public const ulong RamStart = 0x4000_0000;

    public const int DefaultMemoryMib = 256;

    /// <summary>The longest path a unix socket may have (sun_path holds 108 bytes with its terminating zero).</summary>
    public const int MaxSocketPath = 107;

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SnapshotTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly string socketPath;
    private readonly Queue<string> stderr;

    private QemuMachine(Process process, string socketPath, Queue<string> stderr, GdbRemote gdb, TimeSpan startup)
    {
        this.process = process;
        this.socketPath = socketPath;
        this.stderr = stderr;
        Gdb = gdb;
        Startup = startup;
    }

    public GdbRemote Gdb { get; }

    /// <summary>From spawning QEMU to the gdbstub answering.</summary>
    public TimeSpan Startup { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>
    /// Starts QEMU with <paramref name="kernel"/> and, through its generic loader, further ELF or raw images;
    /// <paramref name="extra"/> adds arguments (an initrd, a command line); <paramref name="console"/>, when given, is
    /// a file the guest's serial console is written to; <paramref name="snapshots"/>, when given, an empty qcow2
    /// image that holds the machine's <see cref="Save"/>d states. Both are removed when QEMU ends. <paramref name="board"/>,
    /// when given, replaces the plain virt board and CPU (a board with EL3 for real secure firmware); <paramref name="kernel"/>
    /// may then be null, for a board whose firmware (-bios in <paramref name="extra"/>) boots from reset.
    /// </summary>
    public static QemuMachine Start(QemuTools tools, string? kernel, int memoryMib = DefaultMemoryMib, IReadOnlyList<string>? loaders = null,
        IReadOnlyList<string>? extra = null, string? console = null, string? snapshots = null, IReadOnlyList<string>? board = null, string? secureConsole = null)
    {
        var clock = Stopwatch.StartNew();
        var socketPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ffa-q-{Guid.NewGuid():N}"[..16] + ".sock");
        if (System.Text.Encoding.UTF8.GetByteCount(socketPath) > MaxSocketPath)
        {
            throw new InvalidOperationException(
                $"QEMU's gdbstub socket would be {socketPath}, longer than the {MaxSocketPath} bytes a unix socket's path may have; set TMPDIR (now {System.IO.Path.GetTempPath()}) to a shorter folder");
        }

        var stderr = new Queue<string>();
        var process = ChildProcesses.Start(
            tools.Keeper,
            tools.Qemu,
            [
                // Debian's kernel signs return addresses: with QEMU's own pointer-authentication algorithm instead of
                // the architected QARMA a Linux guest took 30 % less QEMU time, and software cannot tell them apart.
                .. board ?? ["-M", "virt", "-cpu", "max,pauth-impdef=on"], "-smp", "1", "-m", memoryMib.ToString(CultureInfo.InvariantCulture), "-nodefaults",
                "-display", "none", "-monitor", "none", "-serial", console is null ? "none" : $"file:{OptionValue(console)}",
                .. secureConsole is null ? [] : new[] { "-serial", $"file:{OptionValue(secureConsole)}" },
                .. kernel is null ? [] : new[] { "-kernel", kernel }, "-S",
                .. (loaders ?? []).SelectMany(l => new[] { "-device", $"loader,{l}" }),
                .. extra ?? [],
                .. snapshots is null ? [] : new[] { "-drive", $"if=none,id=snapshots,format=qcow2,file={OptionValue(snapshots)}" },
                "-chardev", $"socket,id=gdb0,path={OptionValue(socketPath)},server=on,wait=off", "-gdb", "chardev:gdb0",
            ],
            (_, line) => ChildProcesses.KeepTail(stderr, line.Data),
            remove: [socketPath, .. new[] { console, snapshots, secureConsole }.OfType<string>()]);
        try
        {
            var socket = Connect(socketPath, process);
            var gdb = new GdbRemote(socket);
            gdb.Command("qSupported:xmlRegisters=aarch64", ConnectTimeout);
            gdb.Command("?", ConnectTimeout);

            // Memory packets address physical memory: our guests map RAM one to one, and the mailbox must stay
            // readable while the guest sits in a runtime-only map.
            GdbRemote.Expect(gdb.Command("Qqemu.PhyMemMode:1", ConnectTimeout), "physical memory mode");
            return new QemuMachine(process, socketPath, stderr, gdb, clock.Elapsed) { Consoles = [.. new[] { console, secureConsole }.OfType<string>()] };
        }
        catch (Exception e) when (e is SocketException or TimeoutException or EndOfStreamException or IOException)
        {
            ChildProcesses.Stop(process, KillGrace);
            File.Delete(socketPath);
            throw new InvalidOperationException($"QEMU did not start its gdbstub on {socketPath} (in TMPDIR): {e.Message}{Last(stderr)}", e);
        }
    }

    /// <summary>
    /// A path as a value in QEMU's option syntax, where a comma ends the value unless it is doubled: a TMPDIR or a
    /// build folder with a comma in it would otherwise cut the path short.
    /// </summary>
    public static string OptionValue(string path) => path.Replace(",", ",,", StringComparison.Ordinal);

    /// <summary>Saves the whole machine, halted, as <paramref name="name"/> in its snapshot image.</summary>
    public void Save(string name) => Snapshot("savevm", name);

    /// <summary>Puts the whole machine back as it was <see cref="Save"/>d; it stays halted, and the gdbstub's breakpoints and watchpoints stay set.</summary>
    public void Restore(string name) => Snapshot("loadvm", name);

    /// <summary>The files the machine's UARTs are written to: UART0 (the normal world's, where TF-A logs too), then UART1 (a secure world's).</summary>
    public IReadOnlyList<string> Consoles { get; private init; } = [];

    /// <summary>
    /// The last lines of each UART, for a case that crashed or hung: "; UART0 ended with: … | …; UART1 ended with: …",
    /// or nothing when the machine writes none.
    /// </summary>
    public string ConsoleTails(int lines = 12)
    {
        var tails = new List<string>();
        for (var i = 0; i < Consoles.Count; i++)
        {
            try
            {
                var last = File.Exists(Consoles[i]) ? File.ReadAllLines(Consoles[i]).Where(l => l.Trim().Length > 0).TakeLast(lines).ToArray() : [];
                if (last.Length > 0)
                {
                    tails.Add($"; UART{i} ended with: {string.Join(" | ", last)}");
                }
            }
            catch (IOException)
            {
                // A console that cannot be read says nothing; the stop's own words still do.
            }
        }

        return string.Concat(tails);
    }

    /// <summary>Why QEMU is gone, with its last words on stderr.</summary>
    public string Death()
    {
        process.WaitForExit(2000);
        return process.HasExited ? $"QEMU exited with status {process.ExitCode}{Last(stderr)}" : "QEMU stopped answering";
    }

    public void Dispose()
    {
        Gdb.Dispose();
        ChildProcesses.Stop(process, KillGrace);
        process.Dispose();
        File.Delete(socketPath);
    }

    private void Snapshot(string command, string name)
    {
        var output = Gdb.Monitor($"{command} {name}", SnapshotTimeout);
        if (output.Contains("Error", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"QEMU's {command} {name} failed: {output.Trim()}");
        }
    }

    private static Socket Connect(string path, Process process)
    {
        var deadline = DateTime.UtcNow + ConnectTimeout;
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(path));
                return socket;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                socket.Dispose();
                Thread.Sleep(5);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }

    private static string Last(Queue<string> stderr) => ChildProcesses.Tail(stderr);
}
