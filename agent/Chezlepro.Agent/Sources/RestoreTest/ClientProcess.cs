using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Chezlepro.Agent.Sources.RestoreTest;

/// <summary>
/// A child process: no shell (arguments go to execve as they are), secrets in its environment only (never on the
/// command line, which every user can read in /proc), its output drained and only the end of stderr kept.
/// </summary>
internal sealed class ClientProcess : IDisposable
{
    private const int TailChars = 400;
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly Task _stdout;

    private ClientProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _stderr = TailAsync(process.StandardError);
    }

    /// <summary>Starts <paramref name="fileName"/>.</summary>
    /// <exception cref="Win32Exception">It cannot be started (missing, not executable).</exception>
    public static ClientProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new Win32Exception($"{fileName} did not start");
        // No prompt may wait for an answer: an empty stdin ends one at once.
        process.StandardInput.Close();
        return new ClientProcess(process);
    }

    /// <summary>Waits for the exit; on cancellation kills the whole tree and throws.</summary>
    public async Task<(int ExitCode, string StderrTail)> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }
        await _stdout.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return (_process.ExitCode, await _stderr.ConfigureAwait(false));
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose() => _process.Dispose();

    private static async Task<string> TailAsync(StreamReader reader)
    {
        var tail = new StringBuilder();
        var buffer = new char[1024];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            tail.Append(buffer, 0, read);
            if (tail.Length > 4 * TailChars)
                tail.Remove(0, tail.Length - TailChars);
        }
        var text = tail.ToString().Trim();
        return text.Length > TailChars ? text[^TailChars..] : text;
    }
}
