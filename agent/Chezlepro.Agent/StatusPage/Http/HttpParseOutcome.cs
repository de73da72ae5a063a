namespace Chezlepro.Agent.StatusPage.Http;

/// <summary>Result of looking for a request head in the bytes received so far.</summary>
internal enum HttpParseOutcome
{
    /// <summary>No blank line yet and still under the size limit: read more.</summary>
    NeedMore,

    /// <summary>A whole, valid head.</summary>
    Complete,

    /// <summary>Malformed: answer 400 and close.</summary>
    Invalid,

    /// <summary>The head exceeds the limit: answer 431 and close.</summary>
    TooLarge,

    /// <summary>A request body was announced; the status endpoints take none: answer 413 and close.</summary>
    BodyRefused,
}
