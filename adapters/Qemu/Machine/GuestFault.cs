using System.Buffers.Binary;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>
/// What an exception in the guest means, from the record the vectors leave (vector, ESR, ELR, FAR, the map it
/// happened under) and the instruction at ELR: after SetVirtualAddressMap, an access to the runtime region by its
/// physical address is an address never relocated; under a runtime map, an access to other RAM (also by its
/// virtual alias) or to device memory (named) is a residency violation; else an SMC/HVC that escaped the
/// traps, or a crash.
/// </summary>
internal static class GuestFault
{
    public const int RecordLength = Wire.FaultRecordSize;

    public static Stopped Describe(byte[] record, uint instruction, GuestLayout layout)
    {
        var esr = BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(8));
        var elr = BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(16));
        var far = BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(24));
        var map = BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(Wire.FaultRecordMap));
        var exceptionClass = (uint)(esr >> 26);
        var abort = exceptionClass is 0x20 or 0x21 or 0x24 or 0x25;
        var fetch = exceptionClass is 0x20 or 0x21;
        var access = fetch ? "fetched an instruction at" : (esr & (1 << 6)) != 0 ? "wrote" : "read";
        var registers = $"ESR 0x{esr:X}, ELR {layout.Code(elr)}, FAR 0x{far:X}";
        var after = map == Wire.MapVirtual ? "after SetVirtualAddressMap" : "after ExitBootServices";
        if (map == Wire.MapVirtual && abort && layout.Virtual is { } virtualMap && virtualMap.Holds(far))
        {
            return new Stopped(StopReason.UnrelocatedAddress,
                $"after SetVirtualAddressMap the runtime path {access} {(fetch ? layout.Code(far) : layout.Data(far))} by its physical address; " +
                $"the OS maps the runtime region only at its virtual address (0x{far + VirtualMap.Offset:X} for this one), so the address was never relocated: " +
                $"a pointer kept from boot time or stored at run time, which the image's relocations do not name ({registers})");
        }

        var physical = VirtualMap.Physical(far) ?? far;
        if (map != Wire.MapBoot && abort && physical >= QemuMachine.RamStart && physical < layout.RamEnd)
        {
            return new Stopped(StopReason.ResidencyViolation,
                $"{after} the runtime path {access} {(fetch ? layout.Code(far) : layout.Data(far))}, outside the runtime sections, its stack and the caller's message ({registers})");
        }

        if (map != Wire.MapBoot && abort && far >= PageTables.DeviceBase && far < QemuMachine.RamStart)
        {
            return new Stopped(StopReason.ResidencyViolation,
                $"{after} the runtime path {((esr & (1 << 6)) != 0 ? "wrote" : "read")} device memory at 0x{far:X} ({Device(far)}), which an OS maps for runtime services only where the firmware declares it as runtime MMIO ({registers})");
        }

        if (exceptionClass == 0 && ConduitInstruction.KindOf(instruction) is not null)
        {
            return new Stopped(StopReason.Crashed, $"an SMC/HVC at {layout.Code(elr)} escaped the harness's traps ({registers})");
        }

        return new Stopped(StopReason.Crashed, $"{Name(exceptionClass)} ({registers})");
    }

    /// <summary>The fault record and the instruction at its ELR, read from the stopped guest.</summary>
    public static (byte[] Record, uint Instruction) Read(GdbRemote gdb, ulong record)
    {
        var bytes = gdb.ReadMemory(record, RecordLength, GuestLoop.PacketTimeout);
        var elr = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16));
        uint instruction;
        try
        {
            instruction = BinaryPrimitives.ReadUInt32LittleEndian(gdb.ReadMemory(elr, 4, GuestLoop.PacketTimeout));
        }
        catch (InvalidDataException)
        {
            instruction = 0;   // ELR points at nothing readable: no instruction to name
        }

        return (bytes, instruction);
    }

    /// <summary>What QEMU virt has at a device address (hw/arm/virt.c's memory map).</summary>
    private static string Device(ulong address) => address switch
    {
        < 0x0900_0000 => "QEMU virt's GIC",
        >= 0x0900_0000 and < 0x0900_1000 => "QEMU virt's UART, a PL011",
        >= 0x0901_0000 and < 0x0901_1000 => "QEMU virt's RTC, a PL031",
        _ => "a device of QEMU virt",
    };

    private static string Name(uint exceptionClass) => exceptionClass switch
    {
        0x00 => "an undefined instruction",
        0x20 or 0x21 => "an instruction abort",
        0x22 => "a PC alignment fault",
        0x24 or 0x25 => "a data abort",
        0x26 => "an SP alignment fault",
        0x3C => "a BRK instruction",
        _ => $"an exception of class 0x{exceptionClass:X}",
    };
}
