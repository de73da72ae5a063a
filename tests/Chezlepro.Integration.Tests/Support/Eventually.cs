using System.Diagnostics;

namespace Chezlepro.Integration.Tests.Support;

/// <summary>Polls a condition until it holds or the deadline passes; returns the time it took.</summary>
public static class Eventually
{
    public static Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        HoldsAsync(condition, timeout, () => what);

    /// <summary>As above, the message built only on failure (so it can carry the logs as they are at the deadline).</summary>
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < timeout)
        {
            try
            {
                if (await condition()) return sw.Elapsed;
            }
            catch (HttpRequestException)
            {
                // The service is still starting.
            }
            catch (TaskCanceledException) when (sw.Elapsed < timeout)
            {
                // One request outlived its client's timeout (a loaded machine): the next poll tries again.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{what()}: not true within {timeout}.");
    }
}
