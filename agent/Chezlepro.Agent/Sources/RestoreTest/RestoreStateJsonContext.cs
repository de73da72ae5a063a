using System.Text.Json.Serialization;

namespace Chezlepro.Agent.Sources.RestoreTest;

/// <summary>Source-generated JSON of the restore test's state file (Native AOT: no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(RestoreState))]
internal sealed partial class RestoreStateJsonContext : JsonSerializerContext;
