using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Storage;

/// <summary>
/// One stored state interval of a check: the status held from <see cref="From"/> until <see cref="To"/> (null: still
/// current). The interval's <c>details</c> are not read: no report uses them, and on a year of intervals they were most
/// of the bytes (Storage/README.md, "Reading intervals").
/// </summary>
public sealed record CheckIntervalRow(string Site, string Node, string Check, HealthStatus Status,
    DateTimeOffset From, DateTimeOffset LastSeen, DateTimeOffset? To);
