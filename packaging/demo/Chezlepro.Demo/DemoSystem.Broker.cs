using System.Diagnostics;

namespace Chezlepro.Demo;

internal sealed partial class DemoSystem
{
    private static readonly string[] MosquittoPaths = ["/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"];

    private async Task<string> EnsureMosquittoAsync(CancellationToken cancellationToken)
    {
        var found = MosquittoPaths.FirstOrDefault(File.Exists);
        if (found is not null) return found;
        if (Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            _out.WriteLine("mosquitto is not installed: installing it (apt-get install -y mosquitto mosquitto-clients)…");
            await RunAsync("/usr/bin/apt-get", ["update", "-qq"], cancellationToken);
            await RunAsync("/usr/bin/apt-get", ["install", "-y", "-qq", "mosquitto", "mosquitto-clients"], cancellationToken);
            found = MosquittoPaths.FirstOrDefault(File.Exists);
            if (found is not null) return found;
        }
        throw new DemoException(
            "mosquitto is not installed. Install it with:\n  sudo apt-get update && sudo apt-get install -y mosquitto mosquitto-clients\nthen run the demo again.");
    }

    private ChildProcess StartBroker(string mosquitto, int port)
    {
        var data = Directory.CreateDirectory(Path.Combine(_run, "mosquitto")).FullName;
        var conf = Path.Combine(_run, "mosquitto.conf");
        var lines = new List<string>
        {
            // Demo only: loopback, anonymous. packaging/mosquitto/ has the production configuration.
            $"listener {port} 127.0.0.1",
            "allow_anonymous true",
            "persistence true",
            $"persistence_location {data}/",
            "autosave_interval 10",
            "max_queued_messages 1000000",
            "log_dest stdout",
        };
        // As root Mosquitto drops to the mosquitto user, which cannot write our folder (mqtt-sla.md §2.2).
        if (Environment.UserName == "root") lines.Add("user root");
        File.WriteAllLines(conf, lines);
        var broker = ChildProcess.Start("mosquitto", mosquitto, ["-c", conf], Path.Combine(_run, "mosquitto.log"));
        _started.Add(broker);
        return broker;
    }

    private static async Task RunAsync(string file, string[] args, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var p = Process.Start(psi) ?? throw new DemoException($"could not run {file}");
        await p.WaitForExitAsync(cancellationToken);
        if (p.ExitCode != 0) throw new DemoException($"{file} {string.Join(' ', args)} failed with exit code {p.ExitCode}.");
    }
}
