namespace Chezlepro.Testing.Pbs;

/// <summary>
/// A stand-in for <c>proxmox-backup-client</c>: a shell script the test writes, called as the real one is
/// (<c>restore &lt;snapshot&gt; &lt;archive&gt; &lt;target&gt; --repository … [--ns …]</c>, the target in <c>$4</c>).
/// Each call records its arguments and whether <c>PBS_PASSWORD</c>/<c>PBS_FINGERPRINT</c> were set, and touches
/// <see cref="StartedMarker"/> before doing what <paramref name="body"/> says.
/// </summary>
public sealed class FakeBackupClient
{
    private FakeBackupClient(string folder) => Folder = folder;

    /// <summary>The folder of the script and its records.</summary>
    public string Folder { get; }

    /// <summary>The script; give it as <c>ClientPath</c>.</summary>
    public string Path => System.IO.Path.Combine(Folder, "proxmox-backup-client");

    /// <summary>Exists once a call has started (a test waits on it before moving a clock).</summary>
    public string StartedMarker => System.IO.Path.Combine(Folder, "started");

    /// <summary>The last call's arguments, one per line.</summary>
    public IReadOnlyList<string> LastArguments => File.ReadAllLines(System.IO.Path.Combine(Folder, "args"));

    /// <summary>The last call's PBS_PASSWORD and PBS_FINGERPRINT, and PBS_ENCRYPTION_PASSWORD when it was set, as it saw them.</summary>
    public string LastEnvironment => File.ReadAllText(System.IO.Path.Combine(Folder, "env")).Trim();

    /// <summary>Writes the script in <paramref name="folder"/> (created) with <paramref name="body"/> as its end.</summary>
    /// <param name="folder">Where the script lives.</param>
    /// <param name="body">POSIX shell run after the records, with <c>$4</c> the restore target.</param>
    public static FakeBackupClient Create(string folder, string body)
    {
        Directory.CreateDirectory(folder);
        var client = new FakeBackupClient(folder);
        // Recorded only when set, so the line of a call without it reads as before.
        const string encryption = "${PBS_ENCRYPTION_PASSWORD+ PBS_ENCRYPTION_PASSWORD=$PBS_ENCRYPTION_PASSWORD}";
        var script = $"""
            #!/bin/sh
            here="$(dirname "$0")"
            printf '%s\n' "$@" > "$here/args"
            printf 'PBS_PASSWORD=%s PBS_FINGERPRINT=%s%s\n' "$PBS_PASSWORD" "$PBS_FINGERPRINT" "{encryption}" > "$here/env"
            touch "$here/started"
            {body}
            """;
        File.WriteAllText(client.Path, script.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(client.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return client;
    }

    /// <summary>Restores a pxar tree holding <c>etc/hostname</c> with <paramref name="content"/>.</summary>
    public static string WritesHostname(string content) => $"mkdir -p \"$4/etc\" && printf '%s' '{content}' > \"$4/etc/hostname\"";

    /// <summary>Writes <paramref name="bytes"/> zero bytes to the target file (an image archive).</summary>
    public static string WritesImage(int bytes) => $"head -c {bytes} /dev/zero > \"$4\"";

    /// <summary>Prints <paramref name="message"/> on stderr and exits with <paramref name="code"/>.</summary>
    public static string Fails(int code, string message) => $"echo '{message}' >&2; exit {code}";

    /// <summary>Never returns (until killed).</summary>
    public const string Hangs = "exec sleep 600";
}
