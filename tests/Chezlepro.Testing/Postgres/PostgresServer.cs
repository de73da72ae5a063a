using System.Diagnostics;
using System.Net.Sockets;

namespace Chezlepro.Testing.Postgres;

/// <summary>
/// A private PostgreSQL (Debian package binaries) in a temporary folder on a loopback port the test picks:
/// initdb with trust authentication, pg_ctl start, pg_ctl stop. PostgreSQL refuses to run as root, so as
/// root it runs as the <c>postgres</c> system user.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _data;

    private PostgresServer(string bin, string directory, int port)
    {
        _bin = bin;
        Directory = directory;
        _data = Path.Combine(directory, "data");
        Port = port;
    }

    /// <summary>Folder of the cluster.</summary>
    public string Directory { get; }

    /// <summary>Loopback port.</summary>
    public int Port { get; }

    /// <summary>Process id of the postmaster (its backends are its children), read from the cluster's <c>postmaster.pid</c>.</summary>
    public int PostmasterPid => int.Parse(File.ReadLines(Path.Combine(_data, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Connection string of the <c>postgres</c> database as superuser <c>postgres</c>.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=10";

    /// <summary>The <c>bin</c> folder of the newest installed PostgreSQL, or null.</summary>
    public static string? FindBinaries() =>
        System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;

    /// <summary>
    /// Creates and starts a cluster; returns once it accepts connections. <paramref name="settings"/> are extra server
    /// settings (<c>name=value</c>, passed as <c>-c</c>), e.g. <c>shared_preload_libraries=pg_stat_statements</c> for a bench.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(params string[] settings)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException("PostgreSQL is not installed: apt-get install -y postgresql");
        var dir = System.IO.Directory.CreateTempSubdirectory("pg-").FullName;
        var server = new PostgresServer(bin, dir, FreePort.Next());
        if (Environment.UserName == "root") await RunAsync("chown", ["-R", "postgres:postgres", dir], asPostgres: false);
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", server._data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", server._data, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "30",
            "-o", $"-p {server.Port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50{string.Concat(settings.Select(x => $" -c {x}"))}", "start"]);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", server.Port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("PostgreSQL did not start: " + await File.ReadAllTextAsync(Path.Combine(dir, "server.log")));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres = true)
    {
        var root = Environment.UserName == "root";
        var psi = new ProcessStartInfo(asPostgres && root ? "runuser" : file)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (asPostgres && root)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file }) psi.ArgumentList.Add(a);
        }
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({p.ExitCode}): {await stderr}{await stdout}");
    }
}
