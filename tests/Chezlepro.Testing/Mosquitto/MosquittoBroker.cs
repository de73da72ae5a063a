using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Chezlepro.Testing.Processes;

namespace Chezlepro.Testing.Mosquitto;

/// <summary>
/// A real Mosquitto (Debian package) on a loopback port the test picks, with its own configuration in a
/// temporary folder. Runs in the foreground; stopped with SIGTERM, killed with SIGKILL, restartable on the
/// same port so clients can reconnect (reference/mqtt-sla.md §2.6).
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly MosquittoOptions _options;
    private Process? _process;

    private MosquittoBroker(MosquittoOptions options, int port, string directory)
    {
        _options = options;
        Port = port;
        Directory = directory;
    }

    /// <summary>Loopback port of the main listener (plain, or TLS with <see cref="MosquittoOptions.Tls"/>).</summary>
    public int Port { get; }

    /// <summary>Folder holding the configuration, password file and log.</summary>
    public string Directory { get; }

    /// <summary>Path of the broker's log.</summary>
    public string LogPath => Path.Combine(Directory, "mosquitto.log");

    /// <summary>Process id of the current run (for CPU and memory readings from /proc), or null before the first start.</summary>
    public int? Pid => _process?.Id;

    /// <summary>True while the broker process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Path of the <c>mosquitto</c> binary, or null when it is not installed.</summary>
    public static string? FindBinary() => Candidates.FirstOrDefault(File.Exists);

    private static readonly string[] Candidates = ["/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"];

    /// <summary>Writes the configuration and starts the broker; returns once the port accepts connections.</summary>
    public static async Task<MosquittoBroker> StartAsync(MosquittoOptions? options = null, int? port = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var broker = new MosquittoBroker(options ?? new MosquittoOptions(), port ?? FreePort.Next(),
                System.IO.Directory.CreateTempSubdirectory("mosquitto-").FullName);
            broker.WriteConfiguration();
            try
            {
                await broker.StartAgainAsync();
                return broker;
            }
            catch (PortTakenException) when (port is null && attempt < 5)
            {
                // Another test project's peer took the random port between the pick and the bind: pick again.
                await broker.DisposeAsync();
            }
        }
    }

    /// <summary>Starts the broker again on the same port (after <see cref="StopAsync"/> or <see cref="Kill"/>).</summary>
    public async Task StartAgainAsync()
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(
            "mosquitto is not installed: apt-get install -y mosquitto mosquitto-clients");
        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Path.Combine(Directory, "mosquitto.conf"));
        _process = Process.Start(psi)!;
        var log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        // Exited can fire before the last output lines are delivered: close the log only once both streams
        // reached their end (Data == null), or a late line would throw ObjectDisposedException on a pool thread
        // and crash the test host.
        var openStreams = 2;
        void OnLine(DataReceivedEventArgs e)
        {
            lock (log)
            {
                if (e.Data is not null) log.WriteLine(e.Data);
                else if (--openStreams == 0) log.Dispose();
            }
        }
        _process.OutputDataReceived += (_, e) => OnLine(e);
        _process.ErrorDataReceived += (_, e) => OnLine(e);
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_process.HasExited)
            {
                var exited = ReadLog();
                PortOwner.ThrowIfBindFailed(Port, exited);
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}: {exited}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                // The probe also succeeds against another process's listener on this port: only ours counts.
                PortOwner.ThrowIfNotHeld(_process.Id, Port, Kill);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"mosquitto did not listen on {Port}: {ReadLog()}");
    }

    /// <summary>SIGTERM and wait for exit.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        Signal(_process.Id, "TERM");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }
    }

    /// <summary>SIGKILL: the broker vanishes without saving or publishing anything.</summary>
    public void Kill()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>The broker's log so far.</summary>
    public string ReadLog()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A log still held open by a dying process; the temp folder is cleaned by the OS.
        }
    }

    private void WriteConfiguration()
    {
        var conf = new StringBuilder();
        conf.AppendLine($"listener {Port} 127.0.0.1");
        // Listener options belong right after their listener line; everything else below is global.
        if (_options.Tls is { } tls)
        {
            conf.AppendLine($"cafile {tls.CaFile}");
            conf.AppendLine($"certfile {tls.CertificateFile}");
            conf.AppendLine($"keyfile {tls.KeyFile}");
            conf.AppendLine("tls_version tlsv1.2");
            conf.AppendLine($"require_certificate {(tls.RequireCertificate ? "true" : "false")}");
            conf.AppendLine($"use_identity_as_username {(tls.UseIdentityAsUsername ? "true" : "false")}");
        }
        conf.AppendLine($"allow_anonymous {(_options.AllowAnonymous ? "true" : "false")}");
        conf.AppendLine("persistence false");
        conf.AppendLine("log_dest stdout");
        conf.AppendLine("log_type error");
        conf.AppendLine("log_type warning");
        conf.AppendLine("log_type notice");
        conf.AppendLine("log_type information");
        conf.AppendLine("connection_messages true");
        // As root, Mosquitto drops to the mosquitto user and cannot read our temp files (mqtt-sla.md §2.2).
        if (Environment.UserName == "root") conf.AppendLine("user root");
        if (_options.Users.Count > 0)
        {
            var pw = Path.Combine(Directory, "passwd");
            File.WriteAllText(pw, "");
            foreach (var (user, password) in _options.Users) RunPasswd(pw, user, password);
            conf.AppendLine($"password_file {pw}");
        }
        if (_options.Acl is not null)
        {
            var acl = Path.Combine(Directory, "acl");
            File.WriteAllText(acl, _options.Acl);
            conf.AppendLine($"acl_file {acl}");
        }
        foreach (var line in _options.ExtraLines) conf.AppendLine(line);
        foreach (var block in _options.ExtraListeners) conf.AppendLine(block);
        File.WriteAllText(Path.Combine(Directory, "mosquitto.conf"), conf.ToString());
    }

    private static void RunPasswd(string file, string user, string password)
    {
        var psi = new ProcessStartInfo("mosquitto_passwd") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in new[] { "-b", file, user, password }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"mosquitto_passwd failed: {p.StandardError.ReadToEnd()}");
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid}") { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}
