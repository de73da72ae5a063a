namespace Chezlepro.Collector.Cli;

/// <summary>The usage text of the collector binary, service and operator commands.</summary>
public static class CliUsage
{
    /// <summary>French usage.</summary>
    public const string French = """
        chezlepro-collector                                    démarre le service (--config fichier, --Section:Clé=valeur)
        chezlepro-collector check-config | rebuild-intervals   vérifie la configuration / recalcule les intervalles

        Commandes d’exploitation (appellent l’API; clé dans CHEZLEPRO_API_KEY, jamais en argument) :
          sla show <aaaa-mm>                          disponibilité et crédit par contrat
          incidents list [--status open|acknowledged|restored|active|all]
          incidents ack <id>                          prendre en charge (opérateur)
          incidents notice <id> --type first|update|resolution|postmortem|breach|breach-declared --channel C
                    [--sent-at T] [--summary S]       consigner un avis au client (opérateur)
          incidents notices <id>                      avis envoyés pour un incident
          maintenance list
          maintenance add --service S[,S…] --from T --to T --reason R [--id I]   (opérateur)
                                                      T : aaaa-mm-jj HH:mm (heure de Montréal) ou RFC 3339
          month close <aaaa-mm>                       figer le rapport du mois (opérateur)
          failover show | confirm <groupe> | failback <groupe>   (confirm/failback : opérateur)
          delivery <site>/<nœud>                      filigrane et numéros manquants
          alerts [--state raised|cleared|all]
          dr-tests list                               dernier test de reprise par service, test annuel dû
          evidence export --out F [--client C] [--from aaaa-mm-jj] [--to aaaa-mm-jj]   paquet de preuves vérifiable
          evidence verify F                           vérifie un paquet (0 intègre, 1 rompu; sans clé)
        Options : --url URL (ou CHEZLEPRO_URL; défaut http://127.0.0.1:8090), --tsv (colonnes séparées par des tabulations),
                  --json (réponse de l’API telle quelle), --lang fr|en
        Codes de sortie : 0 ok, 1 erreur de l’API, 2 usage, 69 collecteur injoignable, 77 clé absente ou refusée
        """;

    /// <summary>English usage.</summary>
    public const string English = """
        chezlepro-collector                                    runs the service (--config file, --Section:Key=value)
        chezlepro-collector check-config | rebuild-intervals   checks the configuration / recomputes the intervals

        Operator commands (call the API; key in CHEZLEPRO_API_KEY, never on the command line):
          sla show <yyyy-MM>                          availability and credit per contract
          incidents list [--status open|acknowledged|restored|active|all]
          incidents ack <id>                          acknowledge (operator)
          incidents notice <id> --type first|update|resolution|postmortem|breach|breach-declared --channel C
                    [--sent-at T] [--summary S]       record a notice sent to the client (operator)
          incidents notices <id>                      notices sent for an incident
          maintenance list
          maintenance add --service S[,S…] --from T --to T --reason R [--id I]   (operator)
                                                      T: yyyy-MM-dd HH:mm (Montréal time) or RFC 3339
          month close <yyyy-MM>                       freeze the month's report (operator)
          failover show | confirm <group> | failback <group>   (confirm/failback: operator)
          delivery <site>/<node>                      watermark and missing seqs
          alerts [--state raised|cleared|all]
          dr-tests list                               last DR test per service, yearly test due
          evidence export --out F [--client C] [--from yyyy-MM-dd] [--to yyyy-MM-dd]   verifiable evidence bundle
          evidence verify F                           checks a bundle (0 intact, 1 broken; no key needed)
        Options: --url URL (or CHEZLEPRO_URL; default http://127.0.0.1:8090), --tsv (tab-separated columns),
                 --json (the API's answer as is), --lang fr|en
        Exit codes: 0 ok, 1 API error, 2 usage, 69 collector unreachable, 77 key missing or refused
        """;
}
