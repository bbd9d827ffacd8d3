using FfaConformance.Adapters.Linux.Companion;

namespace FfaConformance.Adapters.Linux.Board;

/// <summary>
/// The link to the companion on a board: opened with the companion's hello, dropped when a case is lost, and opened
/// again before the next case, loading the companion again if the board came back without it. A board just back
/// from a reset may refuse the first logins, so it is tried <see cref="ReconnectAttempts"/> times; once it could not
/// be reached that way, once per case, so that a board that is gone fails the rest of the run quickly.
/// </summary>
internal sealed class BoardConnection(string name, SecureShell shell, BoardCompanion built, string agent) : IDisposable
{
    /// <summary>How long the board may take to load the companion and say hello.</summary>
    public static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    private const int ReconnectAttempts = 3;

    private static readonly TimeSpan ReconnectPause = TimeSpan.FromSeconds(1);

    private BoardLink? link;
    private string? lostBecause;
    private bool unreachable;

    /// <summary>Cases after which the link had to be opened again.</summary>
    public int Reconnects { get; private set; }

    public BoardLink Link => link ?? throw new InvalidOperationException("the link to the board is closed");

    /// <summary>Opens the link and reads the companion's hello.</summary>
    public CompanionHello Open()
    {
        link = BoardLink.Open(shell, agent);
        var frame = link.Receive(HelloTimeout)
            ?? throw new InvalidOperationException($"the agent did not say hello within {HelloTimeout.TotalSeconds:0} s{(link.Errors.Length > 0 ? $": {link.Errors}" : string.Empty)}");
        if (CompanionEvent.Decode(frame) is not CompanionHello hello)
        {
            throw new InvalidDataException("the agent's first event is not the companion's hello");
        }

        return hello.Faulted
            ? throw new InvalidOperationException("the companion's case thread oopsed in an earlier case and is gone; the board needs a reset (or the companion a reload) before it runs another")
            : hello;
    }

    /// <summary>The link for the next case; null, with <paramref name="failure"/>, when a case lost it and it cannot be opened again.</summary>
    public BoardLink? ForNextCase(out string failure)
    {
        failure = string.Empty;
        if (lostBecause is null)
        {
            return Link;
        }

        Reconnects++;
        var why = string.Empty;
        for (var attempt = 1; attempt <= (unreachable ? 1 : ReconnectAttempts); attempt++)
        {
            try
            {
                if (shell.Run($"test -c /dev/ffa_conformance && test -x {agent}").Exit != 0)
                {
                    BoardInstall.Load(name, shell, built);
                }

                Open();
                (lostBecause, unreachable) = (null, false);
                return link;
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or EndOfStreamException or InvalidDataException or Contract.TargetUnavailableException)
            {
                Close();
                why = e.Message;
                if (!unreachable)
                {
                    Thread.Sleep(ReconnectPause);
                }
            }
        }

        unreachable = true;
        failure = $"the board could not be reached again since an earlier case ({lostBecause}): {why}";
        return null;
    }

    /// <summary>A case was lost <paramref name="because"/>: the link is closed, and opened again for the next case.</summary>
    public void Lose(string because)
    {
        lostBecause = because;
        Close();
    }

    public void Dispose() => Close();

    private void Close()
    {
        link?.Dispose();
        link = null;
    }
}
