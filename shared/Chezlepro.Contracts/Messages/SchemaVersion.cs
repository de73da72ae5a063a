namespace Chezlepro.Contracts.Messages;

/// <summary>The payload schema version of contract.md.</summary>
public static class SchemaVersion
{
    /// <summary>The version this build writes and accepts.</summary>
    public const int Current = 1;
}
