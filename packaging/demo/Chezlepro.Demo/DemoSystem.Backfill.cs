using Chezlepro.Agent.Options;
using Chezlepro.Agent.Outbox;
using Chezlepro.Agent.Scheduling;
using Chezlepro.Agent.Sources;
using Chezlepro.Contracts.Topics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Demo;

internal sealed partial class DemoSystem
{
    private const int BackfillBatch = 2000;

    // The history goes into the agent's own outbox file, written with the agent's own outbox and message factory before
    // the agent starts: the agent then delivers it like any backlog (agent → broker → collector, acknowledged by the
    // watermark), so the collector's figures for last month come through the real path. Returns the last seq written.
    private static async Task<long> BackfillAsync(string site, string node, string dataDirectory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        await using var outbox = new SqliteOutbox(Path.Combine(dataDirectory, "outbox.db"), new OutboxOptions(), TimeProvider.System,
            NullLogger<SqliteOutbox>.Instance);
        await outbox.InitializeAsync(cancellationToken);
        var factory = new MessageFactory(site, node, new TopicScheme());
        var batch = new List<PendingMessage>(BackfillBatch);
        long last = 0;
        // Stop a step short of now: the live sources take over from there.
        foreach (var (ts, check, status, summary) in DemoHistory.Results(site, now, now - DemoHistory.Step))
        {
            var reading = new SourceReading();
            reading.Health.Add(new HealthReading(check.Check, status, summary));
            batch.AddRange(factory.Build(check.Source, reading, ts));
            if (batch.Count >= BackfillBatch) last = await FlushAsync(outbox, batch, cancellationToken);
        }
        if (batch.Count > 0) last = await FlushAsync(outbox, batch, cancellationToken);
        return last;
    }

    private static async Task<long> FlushAsync(SqliteOutbox outbox, List<PendingMessage> batch, CancellationToken cancellationToken)
    {
        var seqs = await outbox.AppendAsync(batch, cancellationToken);
        batch.Clear();
        return seqs[^1];
    }
}
