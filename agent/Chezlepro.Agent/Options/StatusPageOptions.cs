namespace Chezlepro.Agent.Options;

/// <summary>The <c>StatusPage</c> section.</summary>
public sealed class StatusPageOptions
{
    /// <summary>Section name.</summary>
    public const string SectionName = "StatusPage";

    /// <summary>Where the read-only status page listens; empty turns it off.</summary>
    public string Urls { get; set; } = "http://0.0.0.0:8080";
}
