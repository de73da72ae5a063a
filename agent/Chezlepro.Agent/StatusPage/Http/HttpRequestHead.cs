namespace Chezlepro.Agent.StatusPage.Http;

/// <summary>What the status server needs of a request: its method and path (query string dropped).</summary>
/// <param name="Method">The method token as sent (case-sensitive, RFC 9110 §9.1).</param>
/// <param name="Path">The path of the origin-form target, without the query.</param>
internal sealed record HttpRequestHead(string Method, string Path);
