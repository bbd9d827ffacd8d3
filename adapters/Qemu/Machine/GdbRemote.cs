using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>
/// A client of QEMU's gdbstub (the GDB remote serial protocol) on a unix socket, for an aarch64 guest.
/// QEMU 7.2 has no no-ack mode: it sends '+' before each reply and takes our next '$' as our ack, so no acks
/// are sent; and any byte sent while the guest runs stops it, so nothing but an interrupt is sent then.
/// </summary>
public sealed class GdbRemote : IDisposable
{
    /// <summary>x0–x30, sp, pc: what a 'g' reply holds before cpsr.</summary>
    public const int CoreRegisters = 33;

    public const int Pc = 32;

    private readonly Socket socket;
    private readonly byte[] buffer = new byte[65536];
    private int start;
    private int end;

    public GdbRemote(Socket socket) => this.socket = socket;

    /// <summary>Sends one command and returns its reply.</summary>
    public string Command(string payload, TimeSpan timeout)
    {
        Send(payload);
        return Receive(timeout) ?? throw new TimeoutException($"no reply to gdbstub command '{payload[..Math.Min(payload.Length, 16)]}'");
    }

    /// <summary>Sends a packet without waiting for its reply.</summary>
    public void Send(string payload)
    {
        var checksum = 0;
        foreach (var c in payload)
        {
            checksum += c;
        }

        socket.Send(Encoding.ASCII.GetBytes($"${payload}#{checksum & 0xFF:x2}"));
    }

    /// <summary>Stops a running guest (a stop reply follows).</summary>
    public void Interrupt() => socket.Send([0x03]);

    /// <summary>The next packet's payload, or null if none arrived within <paramref name="timeout"/>.</summary>
    public string? Receive(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var payload = new StringBuilder();
        while (true)
        {
            while (start < end && buffer[start] != '$')
            {
                start++;   // '+' acks and anything between packets
            }

            var hash = Array.IndexOf(buffer, (byte)'#', start, end - start);
            if (start < end && hash >= 0 && hash + 2 < end)
            {
                Unescape(buffer.AsSpan(start + 1, hash - start - 1), payload);
                start = hash + 3;
                return payload.ToString();
            }

            if (!Fill(deadline))
            {
                return null;
            }
        }
    }

    /// <summary>x0–x30, sp, pc.</summary>
    public ulong[] ReadRegisters(TimeSpan timeout)
    {
        var reply = Command("g", timeout);
        var registers = new ulong[CoreRegisters];
        for (var i = 0; i < CoreRegisters; i++)
        {
            registers[i] = Little(reply.AsSpan(i * 16, 16));
        }

        return registers;
    }

    /// <summary>A 'G' packet for x0–x30, sp, pc (QEMU writes registers in order until the data ends, so cpsr is kept).</summary>
    public static string WriteRegistersPacket(ReadOnlySpan<ulong> registers)
    {
        var text = new StringBuilder("G", 1 + (registers.Length * 16));
        foreach (var value in registers)
        {
            for (var b = 0; b < 8; b++)
            {
                text.Append(((value >> (8 * b)) & 0xFF).ToString("x2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    public byte[] ReadMemory(ulong address, int length, TimeSpan timeout)
    {
        var bytes = new byte[length];
        for (var done = 0; done < length; done += 0x800)
        {
            var chunk = Math.Min(0x800, length - done);
            var reply = Command($"m{address + (ulong)done:x},{chunk:x}", timeout);
            if (reply.StartsWith('E') || reply.Length != chunk * 2)
            {
                throw new InvalidDataException($"gdbstub could not read 0x{chunk:X} bytes at 0x{address + (ulong)done:X}: {reply}");
            }

            Convert.FromHexString(reply).CopyTo(bytes, done);
        }

        return bytes;
    }

    /// <summary>An 'M' packet writing <paramref name="bytes"/> (at most 0x800) at <paramref name="address"/>.</summary>
    public static string WriteMemoryPacket(ulong address, ReadOnlySpan<byte> bytes) =>
        $"M{address:x},{bytes.Length:x}:{Convert.ToHexStringLower(bytes)}";

    public void WriteMemory(ulong address, ReadOnlySpan<byte> bytes, TimeSpan timeout)
    {
        for (var done = 0; done < bytes.Length; done += 0x800)
        {
            var chunk = bytes.Slice(done, Math.Min(0x800, bytes.Length - done));
            Expect(Command(WriteMemoryPacket(address + (ulong)done, chunk), timeout), $"write at 0x{address + (ulong)done:X}");
        }
    }

    /// <summary>
    /// Runs a QEMU monitor command through the gdbstub (qRcmd) and returns what the monitor printed; the stub
    /// sends the text in 'O' packets before its final OK.
    /// </summary>
    public string Monitor(string command, TimeSpan timeout)
    {
        Send($"qRcmd,{Convert.ToHexStringLower(Encoding.ASCII.GetBytes(command))}");
        var output = new StringBuilder();
        while (true)
        {
            var reply = Receive(timeout) ?? throw new TimeoutException($"no reply to monitor command '{command}'");
            if (reply == "OK")
            {
                return output.ToString();
            }

            if (reply.Length == 0 || reply[0] != 'O')
            {
                throw new InvalidDataException($"gdbstub refused monitor command '{command}': '{reply}'");
            }

            output.Append(Encoding.ASCII.GetString(Convert.FromHexString(reply.AsSpan(1))));
        }
    }

    public static void Expect(string reply, string what)
    {
        if (reply != "OK")
        {
            throw new InvalidDataException($"gdbstub refused {what}: '{reply}'");
        }
    }

    public void Dispose() => socket.Dispose();

    private bool Fill(DateTime deadline)
    {
        if (start == end)
        {
            start = end = 0;
        }
        else if (end == buffer.Length)
        {
            Array.Copy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        var wait = deadline - DateTime.UtcNow;
        if (wait <= TimeSpan.Zero || !socket.Poll(wait, SelectMode.SelectRead))
        {
            return false;
        }

        var n = socket.Receive(buffer, end, buffer.Length - end, SocketFlags.None);
        if (n == 0)
        {
            throw new EndOfStreamException("the gdbstub closed the connection");
        }

        end += n;
        return true;
    }

    /// <summary>'}' escapes the next byte (xor 0x20); '*' repeats the previous character (count - 29) times.</summary>
    private static void Unescape(ReadOnlySpan<byte> raw, StringBuilder into)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '}' && i + 1 < raw.Length)
            {
                into.Append((char)(raw[++i] ^ 0x20));
            }
            else if (raw[i] == '*' && i + 1 < raw.Length && into.Length > 0)
            {
                into.Append(into[^1], raw[++i] - 29);
            }
            else
            {
                into.Append((char)raw[i]);
            }
        }
    }

    private static ulong Little(ReadOnlySpan<char> hex)
    {
        ulong value = 0;
        for (var b = 7; b >= 0; b--)
        {
            value = (value << 8) | byte.Parse(hex.Slice(b * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return value;
    }
}
