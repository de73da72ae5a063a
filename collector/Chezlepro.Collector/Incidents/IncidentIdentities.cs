namespace Chezlepro.Collector.Incidents;

/// <summary>
/// Keeps incident ids stable across recomputation. Incidents are derived from the timeline each time; when late results
/// move an incident's start, its derived id (service and start) would change and its acknowledgement and notices would
/// be lost. A derived incident therefore takes the id of the earliest stored span of the same service that it overlaps;
/// when it overlaps several (late data joined two incidents), the first acknowledgement of any of them stands.
/// </summary>
public static class IncidentIdentities
{
    /// <summary>
    /// The incidents under their stable ids, and the spans to store (new identities and moved spans). An incident that
    /// starts at <paramref name="windowStart"/> was cut there by the caller's look-back, not moved by late data: its
    /// stored start stays (callers with different look-backs would otherwise move it back and forth).
    /// </summary>
    public static (IReadOnlyList<Incident> Incidents, IReadOnlyList<IncidentSpan> Changed) Assign(IReadOnlyList<Incident> derived,
        IReadOnlyList<IncidentSpan> known, IReadOnlyDictionary<string, DateTimeOffset> acknowledgements, DateTimeOffset now,
        DateTimeOffset? windowStart = null)
    {
        ArgumentNullException.ThrowIfNull(derived);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(acknowledgements);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(known.Select(k => k.Id), StringComparer.Ordinal);
        var result = new List<Incident>(derived.Count);
        var changed = new List<IncidentSpan>();
        foreach (var d in derived.OrderBy(i => i.StartedAt))
        {
            var overlapping = known
                .Where(k => k.ServiceId == d.ServiceId && !used.Contains(k.Id) && Overlaps(k, d))
                .OrderBy(k => k.StartedAt).ThenBy(k => k.Id, StringComparer.Ordinal)
                .ToList();
            string id;
            if (overlapping.Count > 0)
            {
                id = overlapping[0].Id;
                foreach (var k in overlapping) used.Add(k.Id);
                var start = windowStart is { } cut && d.StartedAt <= cut && overlapping[0].StartedAt < d.StartedAt ? overlapping[0].StartedAt : d.StartedAt;
                if (overlapping[0].StartedAt != start || overlapping[0].RestoredAt != d.RestoredAt)
                    changed.Add(new IncidentSpan(id, d.ServiceId, start, d.RestoredAt));
            }
            else
            {
                id = FreeId(d.Id, taken);
                taken.Add(id);
                used.Add(id);
                changed.Add(new IncidentSpan(id, d.ServiceId, d.StartedAt, d.RestoredAt));
            }

            var acks = overlapping.Select(k => k.Id).Append(id)
                .Select(k => acknowledgements.TryGetValue(k, out var a) ? a : (DateTimeOffset?)null)
                .Where(a => a is not null).ToList();
            var acked = acks.Count > 0 ? acks.Min() : null;
            result.Add(d with { Id = id, AcknowledgedAt = acked, AcknowledgeBreached = (acked ?? now) > d.AcknowledgeDueAt });
        }

        return (result.OrderByDescending(i => i.DetectedAt).ToList(), changed);
    }

    private static bool Overlaps(IncidentSpan k, Incident d) =>
        (k.RestoredAt is null || d.StartedAt < k.RestoredAt) && (d.RestoredAt is null || k.StartedAt < d.RestoredAt);

    // A new incident may start where a vanished one started (its span no longer derived): never reuse that id.
    private static string FreeId(string id, HashSet<string> taken)
    {
        if (!taken.Contains(id)) return id;
        for (var n = 2; ; n++)
        {
            var candidate = $"{id}-{n}";
            if (!taken.Contains(candidate)) return candidate;
        }
    }
}
