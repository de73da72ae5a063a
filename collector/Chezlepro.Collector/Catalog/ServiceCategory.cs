namespace Chezlepro.Collector.Catalog;

/// <summary>Service category (recovery-objectives annex): sets incident priority and RPO.</summary>
public enum ServiceCategory
{
    /// <summary><c>critical</c>: P1 incidents, RPO 1 h.</summary>
    Critical,
    /// <summary><c>important</c>: P2 incidents, RPO 4 h.</summary>
    Important,
    /// <summary><c>non-critical</c>: P3 incidents, RPO 8 h.</summary>
    NonCritical,
}
