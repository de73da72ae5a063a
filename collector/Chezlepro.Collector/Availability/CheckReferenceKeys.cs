using Chezlepro.Collector.Catalog;

namespace Chezlepro.Collector.Availability;

/// <summary>From the catalog's words to the engines' keys (here, so the catalog needs nothing of the engines).</summary>
public static class CheckReferenceKeys
{
    /// <summary>The key the storage and the engines use for a check of the catalog.</summary>
    public static CheckKey ToKey(this CheckReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new CheckKey(reference.Site, reference.Node, reference.Check);
    }
}
