namespace Chezlepro.Collector.Apis;

/// <summary>A client's restore tests on request in a year: included in its contract, used, left (never below 0).</summary>
/// <param name="Client">The client.</param>
/// <param name="Included"><c>RestoreTests:IncludedPerYear</c>.</param>
/// <param name="Used">Requests made that year (by <c>requestedAt</c>, Toronto).</param>
/// <param name="Left">Included minus used, at least 0.</param>
public sealed record RestoreAllowanceDto(string Client, int Included, int Used, int Left);
