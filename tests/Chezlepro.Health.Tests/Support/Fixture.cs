using System.Text.Json;
using Chezlepro.Health.Http;

namespace Chezlepro.Health.Tests.Support;

/// <summary>Reads the hand-written reply fixtures of testdata/ (shapes from reference/proxmox-ceph.md).</summary>
internal static class Fixture
{
    /// <summary>2026-11-21T14:00:00Z, the clock every fixture is written against.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 14, 0, 0, TimeSpan.Zero);

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static JsonElement Data(string name) => ApiEnvelope.ReadData(Bytes(name), name);

    public static T Read<T>(string name) => TolerantJson.Read<T>(Data(name), name);

    public static Fetched<T> Ok<T>(string name) where T : class => Fetched<T>.Ok(Read<T>(name));

    public static JsonElement Raw(string name)
    {
        using var document = JsonDocument.Parse(Bytes(name));
        return document.RootElement.Clone();
    }
}
