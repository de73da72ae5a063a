using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Chezlepro.Testing.RabbitMq;

/// <summary>
/// A private RabbitMQ node (Debian <c>rabbitmq-server</c>) with its MQTT plugin, on loopback ports the test picks: its own
/// node name, Mnesia and log folders, enabled-plugins file, AMQP, MQTT and Erlang distribution ports, its own epmd (started
/// here in the foreground, so it ends with the node instead of lingering as a daemon) and an Erlang cookie in a temporary
/// HOME. Nothing of the system's RabbitMQ (<c>/var/lib/rabbitmq</c>, port 5672/1883, epmd on 4369) is used or touched.
/// Start-up takes seconds (the Erlang VM and Mnesia): start one per test class.
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    /// <summary>The server script run directly: <c>/usr/sbin/rabbitmq-server</c> would switch to the rabbitmq user.</summary>
    public const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    private readonly StringBuilder _log = new();
    private Process? _epmd;
    private Process? _server;

    private RabbitMqBroker(string directory)
    {
        Directory = directory;
        Port = FreePort.Next();
        AmqpPort = FreePort.Next();
        DistributionPort = FreePort.Next();
        EpmdPort = FreePort.Next();
        NodeName = $"chezlepro-test-{Port}@localhost";
    }

    /// <summary>Loopback port of the MQTT listener.</summary>
    public int Port { get; }

    /// <summary>Loopback port of the AMQP listener (unused by the tests, but the node needs one of its own).</summary>
    public int AmqpPort { get; }

    /// <summary>Erlang distribution port (what <c>rabbitmqctl</c> and cluster peers use).</summary>
    public int DistributionPort { get; }

    /// <summary>This node's own epmd port.</summary>
    public int EpmdPort { get; }

    /// <summary>Erlang node name.</summary>
    public string NodeName { get; }

    /// <summary>Folder of the configuration, cookie, database and logs.</summary>
    public string Directory { get; }

    /// <summary>What the node printed so far.</summary>
    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    /// <summary>True when the RabbitMQ server script is installed.</summary>
    public static bool IsInstalled => File.Exists(ServerScript);

    /// <summary>Starts the node and returns once its MQTT port accepts connections (at most <paramref name="timeout"/>, 120 s by default).</summary>
    public static async Task<RabbitMqBroker> StartAsync(TimeSpan? timeout = null)
    {
        if (!IsInstalled) throw new InvalidOperationException($"{ServerScript} not found: apt-get install -y rabbitmq-server");
        var broker = new RabbitMqBroker(System.IO.Directory.CreateTempSubdirectory("rabbitmq-").FullName);
        try
        {
            broker.WriteConfiguration();
            await broker.StartProcessesAsync(timeout ?? TimeSpan.FromSeconds(120));
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // SIGKILL on the whole tree (the script, beam.smp, erl_child_setup, inet_gethost): a graceful stop costs seconds
        // and the node's data is thrown away with the folder.
        foreach (var p in new[] { _server, _epmd })
        {
            if (p is null) continue;
            try
            {
                if (!p.HasExited)
                {
                    p.Kill(entireProcessTree: true);
                    await p.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }
            p.Dispose();
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the temporary folder is the OS's to clean.
        }
    }

    private string PathOf(string name) => Path.Combine(Directory, name);

    private void WriteConfiguration()
    {
        foreach (var d in new[] { "home", "mnesia", "log" }) System.IO.Directory.CreateDirectory(PathOf(d));
        // Erlang refuses a cookie file others can read.
        var cookie = PathOf("home/.erlang.cookie");
        File.WriteAllText(cookie, "CHEZLEPRO" + Guid.NewGuid().ToString("N").ToUpperInvariant());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        File.WriteAllText(PathOf("enabled_plugins"), "[rabbitmq_mqtt].\n");
        File.WriteAllText(PathOf("rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{AmqpPort}
            mqtt.listeners.tcp.default = 127.0.0.1:{Port}
            mqtt.allow_anonymous = true
            loopback_users = none
            log.console = true
            log.console.level = info
            log.file = false
            """);
    }

    private ProcessStartInfo Start(string file)
    {
        var psi = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var env = psi.Environment;
        env["HOME"] = PathOf("home");
        env["ERL_EPMD_PORT"] = EpmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        env["RABBITMQ_NODENAME"] = NodeName;
        env["RABBITMQ_USE_LONGNAME"] = "false";
        env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        env["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["RABBITMQ_MNESIA_BASE"] = PathOf("mnesia");
        env["RABBITMQ_LOG_BASE"] = PathOf("log");
        env["RABBITMQ_LOGS"] = "-";
        env["RABBITMQ_ENABLED_PLUGINS_FILE"] = PathOf("enabled_plugins");
        env["RABBITMQ_CONFIG_FILE"] = PathOf("rabbitmq");
        env["RABBITMQ_PID_FILE"] = PathOf("rabbitmq.pid");
        // The distribution listener binds every interface unless told otherwise.
        env["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}";
        return psi;
    }

    private Process Run(ProcessStartInfo psi)
    {
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, e) => Append(e.Data);
        p.ErrorDataReceived += (_, e) => Append(e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private async Task StartProcessesAsync(TimeSpan timeout)
    {
        var epmd = Start("epmd");
        epmd.ArgumentList.Add("-port");
        epmd.ArgumentList.Add(EpmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        epmd.ArgumentList.Add("-address");
        epmd.ArgumentList.Add("127.0.0.1");
        _epmd = Run(epmd);
        await WaitListeningAsync(EpmdPort, _epmd, TimeSpan.FromSeconds(10), "epmd");
        _server = Run(Start(ServerScript));
        await WaitListeningAsync(Port, _server, timeout, "RabbitMQ's MQTT listener");
    }

    private async Task WaitListeningAsync(int port, Process process, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"{what} exited with {process.ExitCode}:\n{Log}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"{what} not listening on {port} after {timeout}:\n{Log}");
    }
}
