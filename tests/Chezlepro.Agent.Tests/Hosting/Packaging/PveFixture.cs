namespace Chezlepro.Health.Tests.Support;

/// <summary>
/// The reply fixtures of Chezlepro.Health.Tests (copied next to this assembly) for its fake pveproxy, whose
/// files are linked here: the packaged agent is checked against the same replies the Proxmox client is.
/// </summary>
internal static class Fixture
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "testdata", name));
}
