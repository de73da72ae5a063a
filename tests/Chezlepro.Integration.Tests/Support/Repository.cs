using System.Runtime.CompilerServices;

namespace Chezlepro.Integration.Tests.Support;

/// <summary>Files of the repository the tests check as shipped (packaging/…).</summary>
public static class Repository
{
    /// <summary>The repository's root (the folder of Chezlepro.Agent.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the root.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    // The source file's own path, written at compile time: the tests read the checkout they were built from.
    private static string FindRoot([CallerFilePath] string path = "")
    {
        var dir = System.IO.Path.GetDirectoryName(path);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir, "Chezlepro.Agent.sln"))) dir = System.IO.Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("repository root not found above " + path);
    }
}
