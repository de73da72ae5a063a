using System.Diagnostics;
using Chezlepro.Fleet.Simulation;

namespace Chezlepro.Fleet.Harness;

/// <summary>Polls one API path for the whole run (one request at a time, a pause between), timing every answer.</summary>
internal sealed class ApiProbe(HttpClient http, string path, TimeSpan pause)
{
    public string Path => path;

    public LatencyRecorder Latency { get; } = new();

    public int Failures { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var sw = Stopwatch.StartNew();
            try
            {
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
                if (response.IsSuccessStatusCode) Latency.Add(sw.Elapsed.TotalMilliseconds);
                else Failures++;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Failures++;
            }
            try
            {
                await Task.Delay(pause, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
