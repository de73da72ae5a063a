namespace Chezlepro.Agent.Sources.RestoreTest;

/// <summary>
/// The folder restores go to. The source owns it: created 0700 (a restored <c>/etc</c> holds secrets), marked with a
/// file so that a folder the source did not make is never emptied, emptied before and after each restore.
/// </summary>
internal sealed class ScratchDirectory(string path)
{
    private const string Marker = ".chezlepro-restore-test";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly EnumerationOptions Tree = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
    };

    public string Path => path;

    /// <summary>Creates the folder (0700) or takes it back empty.</summary>
    /// <exception cref="IOException">It exists, is not empty and is not ours; or it cannot be made.</exception>
    /// <exception cref="UnauthorizedAccessException">It cannot be written.</exception>
    public void Prepare()
    {
        var marker = System.IO.Path.Combine(path, Marker);
        if (Directory.Exists(path))
        {
            if (!File.Exists(marker) && Directory.EnumerateFileSystemEntries(path).Any())
                throw new IOException($"{path} is not empty and was not made by the restore test; empty it or choose another ScratchDirectory");
        }
        else if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnly);
        }
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, OwnerOnly);
        File.WriteAllBytes(marker, []);
        Empty();
    }

    /// <summary>Removes everything but the marker, only in a folder that has it. Symbolic links are removed, never followed.</summary>
    public void Empty()
    {
        if (!File.Exists(System.IO.Path.Combine(path, Marker)))
            return;
        foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos())
        {
            if (entry.Name == Marker)
                continue;
            if (entry is DirectoryInfo directory && directory.LinkTarget is null)
                directory.Delete(recursive: true);
            else
                entry.Delete();
        }
    }

    /// <summary>Bytes of a restored file, or of every file of a restored tree; 0 when nothing is there.</summary>
    public static long SizeOf(string target)
    {
        if (File.Exists(target))
            return new FileInfo(target).Length;
        if (!Directory.Exists(target))
            return 0;
        return new DirectoryInfo(target).EnumerateFiles("*", Tree).Sum(f => f.Length);
    }

    /// <summary>Bytes of everything in the folder now (the restore in progress).</summary>
    public long Size() => Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", Tree).Sum(f => f.Length) : 0;
}
