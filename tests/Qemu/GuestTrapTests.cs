using System.Buffers.Binary;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Adapters.Sources;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.Qemu;

/// <summary>
/// The trap that replaces a conduit instruction is what its comment says — ldr wzr, . as the assembler encodes it —
/// and in QEMU a watchpoint stops the guest at the trap itself, before its load, with every register the guest had.
/// </summary>
[TestFixture]
[Category("Qemu")]
public sealed class GuestTrapTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [OneTimeSetUp]
    public void Tools() => QemuTargets.RequireQemu();

    [Test]
    public void TheTrapIsWhatTheAssemblerMakesOfALoadOfItsOwnWordIntoTheZeroRegister()
    {
        var cross = Toolchain.Find(FirmwareBuild.CrossPrefix, out var missing) ?? throw new InvalidOperationException(missing);
        var work = Directory.CreateTempSubdirectory("ffa-trap-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(work, "trap.S"), "\t.text\n\tldr\twzr, .\n");
            var (assembled, said) = Toolchain.Invoke(cross.Compiler, ["-c", "trap.S", "-o", "trap.o"], work);
            Assert.That(assembled, Is.Zero, said);
            var (copied, told) = Toolchain.Invoke(cross.ObjCopy, ["-O", "binary", "-j", ".text", "trap.o", "trap.bin"], work);
            Assert.That(copied, Is.Zero, told);

            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(File.ReadAllBytes(Path.Combine(work, "trap.bin"))), Is.EqualTo(GuestTrap.Word));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The ping-pong firmware (mov x0, #0; 1: smc #0; b 1b) with its smc made a trap.</summary>
    [Test]
    public void TheGuestStopsAtTheTrapWithItsRegistersAsTheyWere()
    {
        var buildRoot = Path.Combine(NativeTargets.Root, "artifacts", "build");
        var (cross, tools) = QemuPrerequisites.Require("trap", buildRoot);
        var image = FirmwareBuild.PingPong(cross, buildRoot);
        var smc = ElfFile.Read(image).ExecutableWords().Single(w => ConduitInstruction.KindOf(w.Word) is not null).Address;
        using var machine = QemuMachine.Start(tools, image);
        var gdb = machine.Gdb;

        GuestTrap.Place(gdb, smc, virtualAddress: false, Timeout);
        GuestTrap.Watch(gdb, smc, Timeout);
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(gdb.ReadMemory(smc, 4, Timeout)), Is.EqualTo(GuestTrap.Word));

        gdb.Send("c");
        var first = gdb.Receive(Timeout) ?? throw new TimeoutException("the guest did not stop at its trap");
        var registers = gdb.ReadRegisters(Timeout);
        Assert.That(first, Does.Contain($"rwatch:{smc:x16}"), "a watchpoint's stop, not a breakpoint's");
        Assert.That(registers[GdbRemote.Pc], Is.EqualTo(smc), "the stop comes before the load");
        Assert.That(registers[0], Is.Zero);

        // Answered as the guest loop answers: x0–x17 written, on after the trap.
        for (var i = 0; i < 18; i++)
        {
            registers[i] = 0x1000UL + (ulong)i;
        }

        registers[GdbRemote.Pc] = smc + 4;
        gdb.Send(GdbRemote.WriteRegistersPacket(registers));
        gdb.Send("c");
        GdbRemote.Expect(gdb.Receive(Timeout) ?? string.Empty, "the answer");
        _ = gdb.Receive(Timeout) ?? throw new TimeoutException("the guest did not come back to its trap");
        var again = gdb.ReadRegisters(Timeout);

        registers[GdbRemote.Pc] = smc;
        Assert.That(again, Is.EqualTo(registers), "back at the trap through b 1b, with every register as answered");
    }
}
