namespace Chezlepro.Collector.Catalog;

/// <summary>One check of one node of one site, as written in the catalog.</summary>
public sealed class CheckReference
{
    /// <summary>Site id.</summary>
    public string Site { get; set; } = "";

    /// <summary>Node id.</summary>
    public string Node { get; set; } = "";

    /// <summary>Check name (for example <c>probe.mail</c>).</summary>
    public string Check { get; set; } = "";
}
