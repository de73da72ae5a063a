using System.Diagnostics;

namespace Chezlepro.Mqtt.Tests.Support;

/// <summary>Runs packaging/mosquitto/chezlepro-broker.sh against a temporary directory.</summary>
internal sealed class BrokerScript : IDisposable
{
    public BrokerScript() => Directory = System.IO.Directory.CreateTempSubdirectory("chezlepro-broker-").FullName;

    public string Directory { get; }

    public static string PackagingDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Chezlepro.Agent.sln"))) dir = dir.Parent;
            // Built under --artifacts-path outside the repository: fall back to the source tree of this file.
            var root = dir?.FullName ?? Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", ".."));
            return Path.Combine(root, "packaging", "mosquitto");
        }
    }

    /// <summary>Runs a sub-command; returns the key=value lines it printed.</summary>
    public Dictionary<string, string> Run(params string[] args)
    {
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(PackagingDirectory, "chezlepro-broker.sh"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["CHEZLEPRO_BROKER_DIR"] = Directory;
        psi.Environment["CHEZLEPRO_BROKER_RELOAD"] = "0";
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"chezlepro-broker.sh {string.Join(' ', args)} failed ({p.ExitCode}): {error}");
        return output.Split('\n').Where(l => l.Contains('=')).Select(l => l.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1].Trim());
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
