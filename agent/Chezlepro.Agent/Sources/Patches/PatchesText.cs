namespace Chezlepro.Agent.Sources.Patches;

/// <summary>The <c>patch</c> check's summaries: French (Québec) for <c>summary</c>, English for <c>summaryEn</c>.</summary>
internal static class PatchesText
{
    public static string State(AptSimulation s, int? days, bool late, int grace) =>
        (late ? $"Correctifs de sécurité en attente depuis plus de {grace}\u00a0j\u00a0: " : "")
        + $"{s.Pending} mise(s) à jour en attente, dont {s.Security} de sécurité\u00a0; "
        + (days is { } d ? $"dernière mise à jour il y a {d}\u00a0j" : "aucune mise à jour connue");

    public static string StateEn(AptSimulation s, int? days, bool late, int grace) =>
        (late ? $"Security updates pending for more than {grace} d: " : "")
        + $"{s.Pending} pending update(s), {s.Security} security; "
        + (days is { } d ? $"last upgrade {d} d ago" : "no upgrade on record");

    public static string Failed(string reason) => $"Mises à jour\u00a0: simulation apt impossible ({reason})";

    public static string FailedEn(string reason) => $"Updates: apt simulation failed ({reason})";
}
