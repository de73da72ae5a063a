namespace Chezlepro.Collector.Storage.Watermarks;

/// <summary>A node's delivery watermark: every seq at or below <paramref name="Through"/> is stored, rejected or declared evicted.</summary>
/// <param name="Site">Site.</param>
/// <param name="Node">Node.</param>
/// <param name="Through">The watermark; 0 before the first message.</param>
public sealed record NodeWatermark(string Site, string Node, long Through);
