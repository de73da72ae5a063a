using Chezlepro.Health.Http;

namespace Chezlepro.Health;

/// <summary>The outcome of one API call: a value or the failure that replaced it.</summary>
internal readonly record struct Fetched<T>(T? Value, ApiException? Error) where T : class
{
    public static Fetched<T> Ok(T value) => new(value, null);

    public static Fetched<T> Failed(ApiException error) => new(null, error);

    public static Fetched<T> Missing => new(null, null);
}
