using System.Diagnostics;

namespace Chezlepro.Simulators.Support;

/// <summary>
/// Two connected pseudo-terminals made by socat (<c>socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B</c>):
/// a simulator opens one end, the code under test opens the other as if it were a USB-RS485 adapter.
/// </summary>
public sealed class PtyPair : IAsyncDisposable
{
    private readonly Process _socat;

    private PtyPair(Process socat, string a, string b)
    {
        _socat = socat;
        DevicePath = a;
        HostPath = b;
    }

    /// <summary>End opened by the simulated device.</summary>
    public string DevicePath { get; }

    /// <summary>End opened by the code under test.</summary>
    public string HostPath { get; }

    /// <summary>Starts socat and waits until both links exist.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task<PtyPair> StartAsync(CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var a = Path.Combine(Path.GetTempPath(), $"chez-pty-{id}-dev");
        var b = Path.Combine(Path.GetTempPath(), $"chez-pty-{id}-host");
        var info = new ProcessStartInfo("socat")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add($"pty,raw,echo=0,link={a}");
        info.ArgumentList.Add($"pty,raw,echo=0,link={b}");
        var process = Process.Start(info) ?? throw new InvalidOperationException("socat did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        for (var i = 0; i < 200 && !(File.Exists(a) && File.Exists(b)); i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"socat exited with {process.ExitCode}");
            }
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
        return File.Exists(a) && File.Exists(b)
            ? new PtyPair(process, a, b)
            : throw new TimeoutException("socat did not create the pty links");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_socat.HasExited)
        {
            _socat.Kill();
            await _socat.WaitForExitAsync().ConfigureAwait(false);
        }
        _socat.Dispose();
    }
}
