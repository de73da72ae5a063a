namespace Chezlepro.Collector.Catalog;

/// <summary>
/// A client contract of Catalog:Contracts. <see cref="Start"/> and <see cref="End"/> are local dates in
/// America/Toronto; both are inclusive (a contract ending 2026-06-30 covers that whole day).
/// </summary>
public sealed class ContractDefinition
{
    /// <summary>Id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Client name.</summary>
    public string Client { get; set; } = "";

    /// <summary>Ids of the services the contract covers.</summary>
    public List<string> Services { get; set; } = [];

    /// <summary>Monthly fee (MRR) in <see cref="Currency"/>.</summary>
    public decimal MonthlyFee { get; set; }

    /// <summary>ISO 4217 code, e.g. CAD.</summary>
    public string Currency { get; set; } = "CAD";

    /// <summary>Monthly availability objective in %, in (0, 100]; 99.5 by default, 99.9 with the redundancy option.</summary>
    public decimal Objective { get; set; } = 99.5m;

    /// <summary>Whether unknown time counts as down (default: the provider cannot prove the service was up).</summary>
    public bool UnknownCountsAsDown { get; set; } = true;

    /// <summary>First day covered.</summary>
    public DateOnly Start { get; set; }

    /// <summary>Last day covered, inclusive; null while the contract runs.</summary>
    public DateOnly? End { get; set; }

    /// <summary>Credit per started tranche, in % of the monthly fee (default 5).</summary>
    public decimal CreditPerTranche { get; set; } = 5m;

    /// <summary>Tranche size in availability points (default 0.5).</summary>
    public decimal TrancheSize { get; set; } = 0.5m;

    /// <summary>Credit cap in % of the monthly fee (default 20).</summary>
    public decimal CreditCap { get; set; } = 20m;
}
