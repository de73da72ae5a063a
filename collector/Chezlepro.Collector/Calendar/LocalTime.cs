namespace Chezlepro.Collector.Calendar;

/// <summary>Conversions between wall-clock times in a zone and instants, DST-safe.</summary>
public static class LocalTime
{
    /// <summary>America/Toronto: the zone of every month, business hour and report (service-levels.md).</summary>
    public static TimeZoneInfo Toronto { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    /// <summary>
    /// The instant a wall-clock time denotes in a zone. A time skipped by spring-forward is moved forward by the
    /// gap (02:30 on 2026-03-08 is 03:30 EDT); a time repeated by fall-back takes its first occurrence (daylight).
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }

        if (zone.IsInvalidTime(local))
        {
            // The offset in force just before the gap: local − that offset lands after the gap in UTC.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local - before, TimeSpan.Zero).ToOffset(zone.GetUtcOffset(local.AddHours(3)));
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The instant of local midnight starting a date.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone) => ToInstant(date.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>The local date an instant falls on.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
