namespace Chezlepro.Collector.Storage;

/// <summary>One good backup a <c>pbs.backup.*</c> check reported, first seen at <paramref name="ObservedAt"/>.</summary>
public sealed record BackupPoint(string Site, string Node, string Check, DateTimeOffset LastBackupAt, DateTimeOffset ObservedAt);
