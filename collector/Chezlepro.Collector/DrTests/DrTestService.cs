namespace Chezlepro.Collector.DrTests;

/// <summary>One service's measured recovery in a DR test, against its category's targets (<see cref="DrTargets"/>).</summary>
/// <param name="Service">Service id of the catalog.</param>
/// <param name="Category">Its category when the test was recorded (<c>critical</c>, <c>important</c>, <c>non-critical</c>).</param>
/// <param name="RtoMinutes">Measured recovery time.</param>
/// <param name="RpoMinutes">Measured data loss window.</param>
/// <param name="RtoTargetMinutes">The category's RTO target when recorded.</param>
/// <param name="RpoTargetMinutes">The category's RPO target when recorded.</param>
public sealed record DrTestService(string Service, string Category, int RtoMinutes, int RpoMinutes, int RtoTargetMinutes, int RpoTargetMinutes)
{
    /// <summary>Measured RTO within target.</summary>
    public bool RtoMet => RtoMinutes <= RtoTargetMinutes;

    /// <summary>Measured RPO within target.</summary>
    public bool RpoMet => RpoMinutes <= RpoTargetMinutes;
}
