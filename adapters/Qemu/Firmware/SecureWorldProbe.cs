using FfaConformance.Abi;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Adapters.Qemu.Firmware;

/// <summary>
/// What a real secure world told our firmware at its boot, asked as a normal-world driver's probe asks it, each call
/// made through the firmware's own conduit instruction: FFA_VERSION, FFA_ID_GET, and the partitions through
/// FFA_RXTX_MAP, FFA_PARTITION_INFO_GET, FFA_RX_RELEASE and FFA_RXTX_UNMAP on two pages of the firmware's (fw_rxtx).
/// Then it surveys what the secure world answers to direct requests of each kind — to the first partition with w3 = 0,
/// 1, 2 (OP-TEE's GET_API_VERSION, GET_OS_VERSION, EXCHANGE_CAPABILITIES) and 7 (none of its functions), in both widths,
/// to an absent endpoint, and FFA_MSG_SEND_DIRECT_REQ2 where the version has it — the same calls under every secure
/// world, so that two compare call by call.
/// </summary>
public sealed record SecureWorldProbe(FfaVersion Version, ushort EndpointId, PartitionTable Partitions, IReadOnlyList<ProbeCall> Calls)
{
    private const int Page = 4096;

    /// <summary>
    /// Asks through the conduit of a guest halted at fw_wait with <paramref name="waiting"/>, and leaves it there as it was:
    /// each call resumes the guest at the conduit's SMC and takes the answer at the trap after it.
    /// </summary>
    public static SecureWorldProbe Ask(GdbRemote gdb, ulong[] waiting, ulong smc, ulong answered, ulong rxtx, FfaVersion requested, TimeSpan timeout)
    {
        var calls = new List<ProbeCall>();
        RegisterSet Call(string asked, FfaFunction function, Convention convention, params ulong[] arguments)
        {
            var registers = (ulong[])waiting.Clone();
            Array.Clear(registers, 0, RegisterSet.Count);
            registers[0] = function.Id(convention).Value;
            arguments.CopyTo(registers, 1);
            var issued = RegisterSet.From(registers.AsSpan(0, RegisterSet.Count));
            registers[GdbRemote.Pc] = smc;
            GdbRemote.Expect(gdb.Command(GdbRemote.WriteRegistersPacket(registers), timeout), $"{function}'s registers");
            gdb.Send("c");
            var stop = gdb.Receive(timeout) ?? throw new InvalidDataException($"the real secure world did not answer {function} within {timeout.TotalSeconds:0} s");
            var now = gdb.ReadRegisters(timeout);
            if (now[GdbRemote.Pc] != answered)
            {
                throw new InvalidDataException($"{function} did not come back to the conduit ({stop}, pc 0x{now[GdbRemote.Pc]:X})");
            }

            var answer = RegisterSet.From(now.AsSpan(0, RegisterSet.Count));
            calls.Add(new ProbeCall(asked, new ConduitCall(ConduitKind.Smc, issued, answer)));
            return answer;
        }

        try
        {
            var version = Call($"FFA_VERSION({requested})", FfaFunctions.Version, Convention.Smc32, requested.Encoded);
            if ((version[0] & 0x8000_0000) != 0)
            {
                throw new InvalidDataException($"FFA_VERSION({requested}) was answered 0x{version[0]:X}: the secure world does not speak FF-A");
            }

            var id = Call("FFA_ID_GET", FfaFunctions.IdGet, Convention.Smc32);
            Expect(id, "FFA_ID_GET");
            Expect(Call("FFA_RXTX_MAP_64 of one page each", FfaFunctions.RxTxMap, Convention.Smc64, rxtx, rxtx + Page, 1), "FFA_RXTX_MAP_64");
            var info = Call("FFA_PARTITION_INFO_GET(null UUID)", FfaFunctions.PartitionInfoGet, Convention.Smc32);
            Expect(info, "FFA_PARTITION_INFO_GET");
            var count = (int)(uint)info[2];
            var size = (int)(uint)info[3] is var given and >= Partition.V10DescriptorSize ? given : Partition.V10DescriptorSize;
            var partitions = new List<Partition>();
            if (count > 0)
            {
                var rx = gdb.ReadMemory(rxtx + Page, Math.Min(count * size, Page), timeout);
                for (var i = 0; (i + 1) * size <= rx.Length && i < count; i++)
                {
                    partitions.Add(Partition.Read(rx.AsSpan(i * size, Math.Min(size, Partition.DescriptorSize))));
                }
            }

            Call("FFA_RX_RELEASE", FfaFunctions.RxRelease, Convention.Smc32);
            Call("FFA_RXTX_UNMAP", FfaFunctions.RxTxUnmap, Convention.Smc32, (ulong)(ushort)id[2] << 16);
            if (partitions.Count == 0)
            {
                throw new InvalidDataException($"FFA_PARTITION_INFO_GET reported {count} partitions: none to send to");
            }

            var self = (ushort)id[2];
            var first = partitions[0];
            var absent = (ushort)(partitions.Max(p => p.Id) + 1);
            ulong To(ushort destination) => new EndpointPair(self, destination).Packed;
            foreach (var w3 in new ulong[] { 0, 1, 2, 7 })
            {
                Call($"DIRECT_REQ_32 to 0x{first.Id:X4}, w3 = {w3}", FfaFunctions.DirectRequest, Convention.Smc32, To(first.Id), 0, w3);
            }

            Call($"DIRECT_REQ_64 to 0x{first.Id:X4}, x3 = 0", FfaFunctions.DirectRequest, Convention.Smc64, To(first.Id), 0, 0);
            Call($"DIRECT_REQ_32 to absent 0x{absent:X4}", FfaFunctions.DirectRequest, Convention.Smc32, To(absent), 0, 0);
            if (requested >= FfaVersion.V1_2)
            {
                var uuid = ServiceUuid.From(first.Uuid);
                Call($"DIRECT_REQ2 to 0x{first.Id:X4}, its UUID", FfaFunctions.DirectRequest2, Convention.Smc64, To(first.Id), uuid.X2, uuid.X3);
                Call($"DIRECT_REQ2 to absent 0x{absent:X4}", FfaFunctions.DirectRequest2, Convention.Smc64, To(absent), uuid.X2, uuid.X3);
            }

            return new SecureWorldProbe(FfaVersion.Decode((uint)version[0]), (ushort)id[2], new PartitionTable(partitions), calls);
        }
        finally
        {
            GdbRemote.Expect(gdb.Command(GdbRemote.WriteRegistersPacket(waiting), timeout), "the firmware's registers at fw_wait");
        }
    }

    /// <summary>How the provenance says what the secure world answered.</summary>
    public string Summary =>
        $"FF-A {Version}, endpoint 0x{EndpointId:X4}, partitions {string.Join(", ", Partitions.Partitions.Select(p => $"0x{p.Id:X4} ({p.Uuid})"))}";

    private static void Expect(RegisterSet answer, string call)
    {
        if (!FfaFunctions.Success.Matches((uint)answer[0]))
        {
            throw new InvalidDataException($"{call} was answered 0x{answer[0]:X} (x2 0x{answer[2]:X}), not FFA_SUCCESS");
        }
    }
}
