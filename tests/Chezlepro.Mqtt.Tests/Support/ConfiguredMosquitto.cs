using System.Diagnostics;
using System.Net.Sockets;
using Chezlepro.Testing.Mosquitto;
using Chezlepro.Testing.Processes;

namespace Chezlepro.Mqtt.Tests.Support;

/// <summary>Runs <c>mosquitto -c</c> on a configuration file the test wrote (for the production file, rewritten to loopback ports).</summary>
internal sealed class ConfiguredMosquitto : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _log;

    private ConfiguredMosquitto(Process process, string log)
    {
        _process = process;
        _log = log;
    }

    public static async Task<ConfiguredMosquitto> StartAsync(string configurationFile, params int[] ports)
    {
        var psi = new ProcessStartInfo(MosquittoBroker.FindBinary() ?? throw new InvalidOperationException("mosquitto missing"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(configurationFile);
        var process = Process.Start(psi)!;
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 200; i++)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                lock (log)
                {
                    var text = log.ToString();
                    PortOwner.ThrowIfBindFailed(ports[0], text);
                    throw new InvalidOperationException($"mosquitto exited {process.ExitCode}: {text}");
                }
            }
            try
            {
                // Every listener, and each held by this mosquitto: a probe alone also succeeds against another
                // project's broker on a port both picked (an anonymous client was once accepted that way).
                foreach (var port in ports)
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync("127.0.0.1", port);
                    PortOwner.ThrowIfNotHeld(process.Id, port, () => process.Kill());
                }
                return new ConfiguredMosquitto(process, configurationFile);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        process.Kill();
        throw new TimeoutException($"mosquitto did not listen on {string.Join(", ", ports)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _ = _log;
    }
}
