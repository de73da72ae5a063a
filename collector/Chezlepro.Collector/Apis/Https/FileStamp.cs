namespace Chezlepro.Collector.Apis.Https;

/// <summary>
/// What a certificate file looks like without reading it: the file a symbolic link finally names (certbot's
/// <c>live/</c> links move to a new <c>archive/</c> file on renewal), its write time and its length.
/// </summary>
/// <param name="Target">The final file, after links.</param>
/// <param name="WriteTime">Its last write time (UTC), default when it does not exist.</param>
/// <param name="Length">Its length, -1 when it does not exist.</param>
public readonly record struct FileStamp(string Target, DateTime WriteTime, long Length)
{
    /// <summary>The stamp of <paramref name="path"/> now; an empty path gives an empty stamp.</summary>
    public static FileStamp Of(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return default;
        try
        {
            FileSystemInfo file = new FileInfo(path);
            if (file.LinkTarget is not null) file = file.ResolveLinkTarget(returnFinalTarget: true) ?? file;
            return file.Exists ? new FileStamp(file.FullName, file.LastWriteTimeUtc, ((FileInfo)file).Length) : new FileStamp(file.FullName, default, -1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A link being replaced right now: looks changed, and the next look settles it.
            return new FileStamp(path, default, -1);
        }
    }
}
