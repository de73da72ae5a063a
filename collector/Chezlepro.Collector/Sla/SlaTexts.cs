using System.Globalization;
using Chezlepro.Collector.Catalog;

namespace Chezlepro.Collector.Sla;

/// <summary>The sentences a client reads under the figures, French first.</summary>
internal static class SlaTexts
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-CA");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-CA");

    public static string French(ContractDefinition c, decimal? availability, decimal shortfall, CreditOutcome credit, decimal amount)
    {
        if (availability is not { } a) return "Aucune période mesurée pour ce contrat ce mois-ci; aucun crédit.";
        var head = string.Format(Fr, "Disponibilité de {0:0.000} % pour un objectif de {1:0.0##} %", a, c.Objective);
        if (credit.Tranches == 0) return head + " : objectif atteint, aucun crédit.";
        var tranches = credit.Tranches == 1 ? "1 tranche entamée" : string.Format(Fr, "{0} tranches entamées", credit.Tranches);
        var cap = credit.Capped ? string.Format(Fr, " (plafonné à {0:0.##} %)", c.CreditCap) : "";
        return head + string.Format(Fr, " : écart de {0:0.000} point, {1}, crédit de {2:0.##} %{3}, soit {4:0.00} {5}.", shortfall, tranches, credit.CreditPercent, cap, amount, c.Currency);
    }

    public static string English(ContractDefinition c, decimal? availability, decimal shortfall, CreditOutcome credit, decimal amount)
    {
        if (availability is not { } a) return "No measured time for this contract this month; no credit.";
        var head = string.Format(En, "Availability {0:0.000}% against an objective of {1:0.0##}%", a, c.Objective);
        if (credit.Tranches == 0) return head + ": objective met, no credit.";
        var tranches = credit.Tranches == 1 ? "1 started tranche" : string.Format(En, "{0} started tranches", credit.Tranches);
        var cap = credit.Capped ? string.Format(En, " (capped at {0:0.##}%)", c.CreditCap) : "";
        return head + string.Format(En, ": shortfall {0:0.000} point, {1}, credit {2:0.##}%{3}, i.e. {4:0.00} {5}.", shortfall, tranches, credit.CreditPercent, cap, amount, c.Currency);
    }
}
