using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.RestoreTest;

/// <summary>
/// The state file in the agent's data directory: written whole to a temporary file and renamed, so a crash leaves the
/// old state or the new one, never half of one. An unreadable file starts afresh (the next run is then due after
/// <c>FirstRunDelay</c>, the worst a lost file can do).
/// </summary>
internal sealed class RestoreStateFile(string path, ILogger logger)
{
    public async Task<RestoreState> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!File.Exists(path))
                return new RestoreState();
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, RestoreStateJsonContext.Default.RestoreState, cancellationToken).ConfigureAwait(false)
                ?? new RestoreState();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            RestoreTestLog.StateUnreadable(logger, path, ex.Message);
            return new RestoreState();
        }
    }

    public async Task SaveAsync(RestoreState state, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var stream = File.Create(temporary))
                await JsonSerializer.SerializeAsync(stream, state, RestoreStateJsonContext.Default.RestoreState, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RestoreTestLog.StateNotSaved(logger, path, ex.Message);
        }
    }
}
