using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Availability;

/// <summary>
/// What storage folds health results into: the check held <paramref name="Status"/> from <paramref name="From"/>
/// until <paramref name="To"/> (null = still current), and the last result confirming it arrived at
/// <paramref name="LastSeen"/>. From <c>LastSeen + staleness limit</c> on the check is stale, i.e. unknown.
/// </summary>
public sealed record CheckStateInterval(CheckKey Key, HealthStatus Status, DateTimeOffset From, DateTimeOffset LastSeen, DateTimeOffset? To);
