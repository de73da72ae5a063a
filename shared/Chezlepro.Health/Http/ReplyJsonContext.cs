using System.Text.Json.Serialization;
using Chezlepro.Health.Pbs.Replies;
using Chezlepro.Health.Proxmox.Replies;

namespace Chezlepro.Health.Http;

/// <summary>
/// Generated reader metadata for every PVE and PBS reply (Native AOT: no reflection over the DTOs). The options are
/// the tolerant ones of <see cref="TolerantJson"/>: 0/1 booleans and numbers as strings (reference §5.9).
/// </summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [typeof(TolerantJson.FlexibleBooleanConverter), typeof(TolerantJson.FlexibleInt64Converter)])]
[JsonSerializable(typeof(List<PveClusterStatusEntry>))]
[JsonSerializable(typeof(List<PveResource>))]
[JsonSerializable(typeof(List<PveHaStatusEntry>))]
[JsonSerializable(typeof(PveNodeStatus))]
[JsonSerializable(typeof(List<PveReplicationJob>))]
[JsonSerializable(typeof(List<PveAptUpdate>))]
[JsonSerializable(typeof(List<PbsDatastoreUsage>))]
[JsonSerializable(typeof(List<PbsGcStatus>))]
[JsonSerializable(typeof(List<PbsNamespace>))]
[JsonSerializable(typeof(List<PbsSnapshot>))]
[JsonSerializable(typeof(List<PbsTask>))]
internal sealed partial class ReplyJsonContext : JsonSerializerContext;
