using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace FfaConformance.Adapters.Linux.Board;

/// <summary>
/// The agent on the board (c/linux/agent/ffa_agent.c) reached through one SSH session: frames of a 32-bit
/// little-endian length and that many bytes, one message to the companion's device or one event from it. A
/// reader thread takes the events as they come, so that a receive can give up after a timeout.
/// </summary>
internal sealed class BoardLink : IDisposable
{
    /// <summary>The agent's own frame limit (FRAME_MAX).</summary>
    private const int MaxFrame = 8192;

    private readonly Process ssh;
    private readonly BlockingCollection<byte[]?> events = [];
    private readonly StringBuilder errors = new();

    private BoardLink(Process ssh)
    {
        this.ssh = ssh;
        ssh.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        ssh.BeginErrorReadLine();
        new Thread(Read) { IsBackground = true, Name = "ffa board link" }.Start();
    }

    public static BoardLink Open(SecureShell shell, string agent) => new(shell.Start(agent));

    /// <summary>What ssh and the agent said on standard error, for the failure text.</summary>
    public string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString().Trim();
            }
        }
    }

    public void Send(ReadOnlySpan<byte> message)
    {
        var frame = new byte[4 + message.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)message.Length);
        message.CopyTo(frame.AsSpan(4));
        var input = ssh.StandardInput.BaseStream;
        input.Write(frame);
        input.Flush();
    }

    /// <summary>The next event; null when none came within <paramref name="timeout"/>; <see cref="EndOfStreamException"/> when the session ended.</summary>
    public byte[]? Receive(TimeSpan timeout)
    {
        if (!events.TryTake(out var frame, timeout))
        {
            return null;
        }

        if (frame is null)
        {
            events.Add(null);
            ssh.WaitForExit(1000);
            throw new EndOfStreamException($"the SSH session to the board ended{(Errors.Length > 0 ? $": {Errors}" : string.Empty)}");
        }

        return frame;
    }

    public void Dispose()
    {
        try
        {
            ssh.StandardInput.Close();
        }
        catch (IOException)
        {
            // The session is gone already.
        }

        if (!ssh.WaitForExit(2000))
        {
            ssh.Kill(entireProcessTree: true);
            ssh.WaitForExit();
        }

        ssh.Dispose();
    }

    private void Read()
    {
        var output = ssh.StandardOutput.BaseStream;
        var length = new byte[4];
        try
        {
            while (true)
            {
                output.ReadExactly(length);
                var size = BinaryPrimitives.ReadUInt32LittleEndian(length);
                if (size > MaxFrame)
                {
                    lock (errors)
                    {
                        errors.AppendLine($"the agent sent a frame of {size} bytes; the companion's events are at most {MaxFrame}");
                    }

                    break;
                }

                var frame = new byte[size];
                output.ReadExactly(frame);
                events.Add(frame);
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The session ended: Receive says so.
        }

        events.Add(null);
    }
}
