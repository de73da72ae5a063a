using System.Text.Json;

namespace Chezlepro.Collector.Cli;

/// <summary>One API call a command makes and how its answer prints.</summary>
/// <param name="Method">GET or POST.</param>
/// <param name="Path">Path and query under the collector's URL, escaped.</param>
/// <param name="Body">JSON body of a POST, or null.</param>
/// <param name="Render">Turns the answer into what is printed.</param>
public sealed record CliRequest(HttpMethod Method, string Path, string? Body, Func<JsonElement, CliFormat, CliTable> Render);
