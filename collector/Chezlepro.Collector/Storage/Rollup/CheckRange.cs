using Chezlepro.Collector.Availability;

namespace Chezlepro.Collector.Storage.Rollup;

/// <summary>A stretch [<paramref name="From"/>, <paramref name="To"/>) of one check's history.</summary>
public readonly record struct CheckRange(CheckKey Key, DateTimeOffset From, DateTimeOffset To);
