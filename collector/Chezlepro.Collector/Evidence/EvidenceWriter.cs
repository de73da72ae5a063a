using Microsoft.Extensions.Logging;

namespace Chezlepro.Collector.Evidence;

/// <summary>
/// Appends the entries of an action that has already happened (an acknowledgement, an announced window, a closed
/// month): a journal fault is logged with the record's kind and subject, never turned into a failure of the action.
/// </summary>
public sealed class EvidenceWriter
{
    private readonly IEvidenceJournal _journal;
    private readonly ILogger<EvidenceWriter> _logger;

    /// <summary>Creates the writer.</summary>
    public EvidenceWriter(IEvidenceJournal journal, ILogger<EvidenceWriter> logger)
    {
        _journal = journal;
        _logger = logger;
    }

    /// <summary>Appends each entry in order; returns how many were appended without a fault.</summary>
    public async Task<int> AppendAsync(IEnumerable<EvidenceEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var done = 0;
        foreach (var entry in entries)
        {
            try
            {
                await _journal.AppendAsync(entry, cancellationToken);
                done++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                EvidenceLog.AppendFailed(_logger, entry.Kind, entry.Subject, ex.Message);
            }
        }
        return done;
    }
}
