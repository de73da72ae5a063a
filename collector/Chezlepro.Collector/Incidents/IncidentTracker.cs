using System.Globalization;
using Chezlepro.Collector.Availability;
using Chezlepro.Collector.Calendar;
using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Maintenance;
using Chezlepro.Contracts.Messages;

namespace Chezlepro.Collector.Incidents;

/// <summary>
/// Derives incidents from a service's timeline: open after <see cref="IncidentPolicy.Debounce"/> of continuous
/// down, restore after <see cref="IncidentPolicy.RestoreDebounce"/> of continuous up. Unknown and maintenance time
/// neither open nor restore an incident (they break a pending down run and a pending up run). Pure: storage keeps
/// only the acknowledgements, by incident id.
/// </summary>
public sealed class IncidentTracker
{
    private readonly IncidentPolicy policy;
    private readonly BusinessCalendar calendar;

    /// <summary>Creates a tracker.</summary>
    public IncidentTracker(IncidentPolicy policy, BusinessCalendar calendar)
    {
        this.policy = policy ?? throw new ArgumentNullException(nameof(policy));
        this.calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
    }

    /// <summary>Priority of a service category: critical → P1, important → P2, non-critical → P3.</summary>
    public static Priority PriorityOf(ServiceCategory category) => category switch
    {
        ServiceCategory.Critical => Priority.P1,
        ServiceCategory.Important => Priority.P2,
        _ => Priority.P3,
    };

    /// <summary>
    /// Incidents of every service of the catalog over [from, now), newest first — the body of
    /// <c>GET /api/v1/incidents</c>. Start <paramref name="from"/> early enough (e.g. 35 days back) that an incident
    /// still open began inside it.
    /// </summary>
    public IReadOnlyList<Incident> DeriveAll(CatalogOptions catalog, CheckHistoryIndex histories, IEnumerable<MaintenanceWindow> windows,
        DateTimeOffset from, DateTimeOffset now, IReadOnlyDictionary<string, DateTimeOffset> acknowledgements)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var list = windows?.ToList() ?? [];
        return [.. catalog.Services.SelectMany(s => Derive(s, histories, list, from, now, acknowledgements)).OrderByDescending(i => i.DetectedAt)];
    }

    /// <summary>Incidents of a service from its history over [from, now).</summary>
    public IReadOnlyList<Incident> Derive(ServiceDefinition service, CheckHistoryIndex histories, IEnumerable<MaintenanceWindow> windows,
        DateTimeOffset from, DateTimeOffset now, IReadOnlyDictionary<string, DateTimeOffset> acknowledgements)
    {
        ArgumentNullException.ThrowIfNull(service);
        var timeline = ServiceTimeline.Build(service.Checks.Select(c => c.ToKey()).ToArray(), histories, service.EffectiveStalenessLimit, from, now);
        var segments = Exclusions.Apply(timeline.Segments, Exclusions.For(service.Id, windows));
        return Derive(service, segments, acknowledgements, now);
    }

    /// <summary>Incidents of a service from a timeline ending at <paramref name="now"/>.</summary>
    public IReadOnlyList<Incident> Derive(ServiceDefinition service, IReadOnlyList<StateSegment> segments, IReadOnlyDictionary<string, DateTimeOffset> acknowledgements, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(segments);
        acknowledgements ??= new Dictionary<string, DateTimeOffset>();
        var priority = PriorityOf(service.ParsedCategory);
        var incidents = new List<Incident>();
        DateTimeOffset? downStart = null, upStart = null, openedAt = null;
        foreach (var s in segments)
        {
            if (openedAt is null)
            {
                if (s.State != ServiceState.Down) { downStart = null; continue; }
                downStart ??= s.From;
                if (s.To - downStart.Value >= policy.Debounce) openedAt = downStart;
                continue;
            }

            if (s.State == ServiceState.Up)
            {
                upStart ??= s.From;
                if (s.To - upStart.Value >= policy.RestoreDebounce)
                {
                    incidents.Add(Make(service.Id, priority, openedAt.Value, upStart, acknowledgements, now));
                    openedAt = downStart = upStart = null;
                }
            }
            else upStart = null;
        }

        if (openedAt is { } open) incidents.Add(Make(service.Id, priority, open, null, acknowledgements, now));
        return incidents;
    }

    private Incident Make(string serviceId, Priority priority, DateTimeOffset started, DateTimeOffset? restored, IReadOnlyDictionary<string, DateTimeOffset> acks, DateTimeOffset now)
    {
        var id = serviceId + "-" + started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var targets = policy.For(priority);
        var detected = started + policy.Debounce;
        var ackDue = Due(detected, targets.Acknowledge, targets.BusinessHours);
        var restoreDue = Due(detected, targets.Restore, targets.BusinessHours);
        DateTimeOffset? acked = acks.TryGetValue(id, out var a) ? a : null;
        DateTimeOffset? nextUpdate = null;
        if (restored is null && targets.UpdateEvery is { } every && every > TimeSpan.Zero && now >= detected)
            nextUpdate = detected + (every * (Math.Floor((now - detected) / every) + 1));
        return new Incident
        {
            Id = id,
            ServiceId = serviceId,
            Priority = priority,
            StartedAt = started,
            DetectedAt = detected,
            AcknowledgedAt = acked,
            RestoredAt = restored,
            AcknowledgeDueAt = ackDue,
            RestoreDueAt = restoreDue,
            ClientNoticeDueAt = targets.ClientNotice is { } n ? detected + n : null,
            NextUpdateDueAt = nextUpdate,
            AcknowledgeBreached = (acked ?? now) > ackDue,
            RestoreBreached = (restored ?? now) > restoreDue,
        };
    }

    private DateTimeOffset Due(DateTimeOffset detected, TimeSpan target, bool businessHours) =>
        businessHours ? calendar.AddBusinessTime(detected, target) : detected + target;
}
