using System.Security.Cryptography;

namespace Chezlepro.Collector.ClientView;

/// <summary>One file of the client view, read once from the assembly's embedded resources.</summary>
/// <param name="Name">The file name under <c>/client/</c> (<c>index.html</c> for the page itself).</param>
/// <param name="ContentType">Its media type with the charset.</param>
/// <param name="Bytes">Its content.</param>
/// <param name="ETag">A strong validator over the content, so a browser revalidates (no-cache) and gets 304 while it has not changed.</param>
internal sealed record ClientViewAsset(string Name, string ContentType, byte[] Bytes, string ETag)
{
    /// <summary>Loads <paramref name="name"/> from the resources (logical name <c>Chezlepro.Collector.ClientView.{name}</c>).</summary>
    public static ClientViewAsset Load(string name, string contentType)
    {
        var resource = "Chezlepro.Collector.ClientView." + name;
        using var stream = typeof(ClientViewAsset).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("Embedded resource missing from the collector assembly: " + resource);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return new ClientViewAsset(name, contentType, bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"");
    }
}
