using System.ComponentModel;
using System.Security.Cryptography;
using Chezlepro.Health.Http;
using Chezlepro.Health.Pbs;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.RestoreTest;

/// <summary>
/// One sample's restore test: the newest finished snapshot of the guest (PBS API), <c>proxmox-backup-client restore</c>
/// into the scratch directory, the checks (size, SHA-256, check command), the scratch emptied. Every failure becomes an
/// outcome; only the agent stopping escapes as a cancellation.
/// </summary>
internal sealed partial class RestoreRunner(RestoreTestSettings settings, TimeProvider time, ILogger logger) : IDisposable
{
    private static readonly TimeSpan SizeWatch = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, PbsSnapshotLookup> _lookups = new(StringComparer.Ordinal);
    private readonly ScratchDirectory _scratch = new(settings.ScratchDirectory);

    public async Task<RestoreResult> RunAsync(RestoreSample sample, CancellationToken stopping)
    {
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, deadline.Token);
        string? snapshot = null;
        long bytes = 0;
        string? sha = null;
        RestoreResult Result(string outcome, string? fr = null, string? en = null) => new()
        {
            Name = sample.Name, Guest = sample.Guest, Snapshot = snapshot, Archive = sample.Archive, Bytes = bytes, Sha256 = sha,
            DurationSeconds = Math.Round(time.GetElapsedTime(started).TotalSeconds, 3), Outcome = outcome, StartedAt = startedAt,
            ReasonFr = fr is null ? null : Clean(fr), ReasonEn = en is null ? null : Clean(en),
        };
        try
        {
            var latest = await Lookup(sample.Repository).LatestAsync(sample.Repository.Datastore, sample.Namespace, sample.GuestType, sample.GuestId, linked.Token)
                .ConfigureAwait(false);
            if (latest is null)
                return Result(RestoreResult.Failed, "aucun instantané terminé de cet invité", "no finished snapshot of this guest");
            snapshot = latest.Path;
            if (ListedSize(latest, sample.Archive) is { } listed && listed > settings.MaxBytes)
                return Result(RestoreResult.Failed, $"l’archive fait {listed} octets, plus que MaxBytes ({settings.MaxBytes})",
                    $"the archive is {listed} bytes, more than MaxBytes ({settings.MaxBytes})");
            _scratch.Prepare();
            var target = Path.Combine(_scratch.Path, sample.TargetName);
            var (exit, stderr, oversized) = await RestoreAsync(sample, snapshot, target, linked.Token).ConfigureAwait(false);
            bytes = ScratchDirectory.SizeOf(target);
            if (oversized || bytes > settings.MaxBytes)
                return Result(RestoreResult.Failed, $"la restauration dépasse MaxBytes ({settings.MaxBytes} octets), arrêtée",
                    $"the restore exceeds MaxBytes ({settings.MaxBytes} bytes), stopped");
            if (exit != 0)
                return Result(RestoreResult.Failed, $"le client a quitté avec le code {exit}\u00a0: {stderr}", $"the client exited with code {exit}: {stderr}");
            if (bytes == 0)
                return Result(RestoreResult.Failed, "la restauration n’a rien écrit", "the restore wrote nothing");
            var checkedPath = sample.Path is null ? target : Path.Combine(target, sample.Path);
            if (!File.Exists(checkedPath) && (sample.Path is not null || !Directory.Exists(checkedPath)))
                return Result(RestoreResult.Failed, $"{sample.Path} absent de l’archive restaurée", $"{sample.Path} not found in the restored archive");
            if (File.Exists(checkedPath))
                sha = await Sha256Async(checkedPath, linked.Token).ConfigureAwait(false);
            if (sample.ExpectedSha256 is { } expected && sha != expected)
                return Result(RestoreResult.Mismatch, $"SHA-256 {sha} au lieu de {expected}", $"SHA-256 {sha} instead of {expected}");
            if (sample.CheckCommand is { } command)
            {
                var (code, output) = await RunAsync(command, [checkedPath], new Dictionary<string, string>(), linked.Token).ConfigureAwait(false);
                if (code != 0)
                    return Result(RestoreResult.Mismatch, $"la commande de contrôle a quitté avec le code {code}\u00a0: {output}",
                        $"the check command exited with code {code}: {output}");
            }
            return Result(RestoreResult.Ok);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            return Result(RestoreResult.TimedOut, $"pas fini dans le délai de {settings.Timeout}", $"not finished within the timeout of {settings.Timeout}");
        }
        catch (ApiException ex)
        {
            return Result(RestoreResult.Failed, $"liste des instantanés illisible\u00a0: {ex.Message}", $"snapshot list unreadable: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Win32Exception)
        {
            return Result(RestoreResult.Failed, ex.Message, ex.Message);
        }
        finally
        {
            EmptyScratch();
        }
    }

    public void Dispose()
    {
        foreach (var lookup in _lookups.Values)
            lookup.Dispose();
    }

    private async Task<(int Exit, string Stderr, bool Oversized)> RestoreAsync(RestoreSample sample, string snapshot, string target, CancellationToken ct)
    {
        List<string> arguments = ["restore", snapshot, sample.Archive, target, "--repository", sample.Repository.Text];
        if (sample.Namespace.Length > 0)
            arguments.AddRange(["--ns", sample.Namespace]);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["PBS_PASSWORD"] = settings.Password };
        if (settings.Fingerprint is { } fingerprint)
            environment["PBS_FINGERPRINT"] = fingerprint;
        // Client-side encrypted backups (PBS docs, backup-client "Encryption"): the key by path, its password (when the
        // key has one) through the environment like the token's, never on the command line.
        if (settings.KeyFile is { } keyFile)
            arguments.AddRange(["--keyfile", keyFile]);
        if (settings.KeyPassword is { } keyPassword)
            environment["PBS_ENCRYPTION_PASSWORD"] = keyPassword;
        using var client = ClientProcess.Start(settings.ClientPath, arguments, environment);
        var exit = client.WaitAsync(ct);
        // The listed size may be absent or wrong: watch the scratch folder and stop a restore that outgrows the cap.
        while (!exit.IsCompleted)
        {
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var delay = Task.Delay(SizeWatch, time, tick.Token);
            await Task.WhenAny(exit, delay).ConfigureAwait(false);
            await tick.CancelAsync().ConfigureAwait(false);
            await delay.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!exit.IsCompleted && _scratch.Size() > settings.MaxBytes)
            {
                client.Kill();
                await ((Task)exit).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return (-1, "", true);
            }
        }
        var (code, stderr) = await exit.ConfigureAwait(false);
        return (code, stderr, false);
    }

    private static async Task<(int Code, string Stderr)> RunAsync(string command, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        using var process = ClientProcess.Start(command, arguments, environment);
        return await process.WaitAsync(ct).ConfigureAwait(false);
    }

    private PbsSnapshotLookup Lookup(PbsRepository repository)
    {
        if (!_lookups.TryGetValue(repository.Text, out var lookup))
            _lookups[repository.Text] = lookup = new PbsSnapshotLookup(settings.Api(repository), time, logger);
        return lookup;
    }

    /// <summary>The manifest's size of the archive, under its name with or without the index suffix.</summary>
    private static long? ListedSize(PbsLatestSnapshot snapshot, string archive) =>
        new[] { archive, archive + ".didx", archive + ".fidx", archive + ".blob" }
            .Select(name => snapshot.Files.TryGetValue(name, out var size) ? size : null)
            .FirstOrDefault(size => size is not null);

    private static async Task<string> Sha256Async(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false));
    }

    private void EmptyScratch()
    {
        try
        {
            _scratch.Empty();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RestoreTestLog.ScratchNotEmptied(logger, _scratch.Path, ex.Message);
        }
    }

    // One line, and never the secret even if a client echoed it.
    private string Clean(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Replace(settings.Password.Length > 0 ? settings.Password : "\0", "***", StringComparison.Ordinal);
}
