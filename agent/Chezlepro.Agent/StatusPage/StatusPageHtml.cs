namespace Chezlepro.Agent.StatusPage;

/// <summary>
/// The status page: one self-contained document (inline CSS and script, no external asset, no font), so that
/// it works on a LAN without the Internet. French first (architecture.md, Languages); <c>?lang=en</c> or the
/// toggle switches to English. The script reads <c>/api/status</c> every 5 s and writes text only through
/// <c>textContent</c>, since summaries come from devices and remote APIs.
/// </summary>
internal static partial class StatusPageHtml
{
    /// <summary>The whole document.</summary>
    public const string Page = Head + Style + Body + Script + "</html>\n";

    private const string Head = """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Chezlepro — état du site</title>

        """;

    private const string Body = """
        </head>
        <body>
        <header>
          <div>
            <h1><span data-i18n="title">État du site</span> <span id="site">…</span> / <span id="node">…</span></h1>
            <div class="sub"><span data-i18n="updated">Mis à jour</span> <span id="updated">—</span>
              · <span data-i18n="started">Démarré</span> <span id="started">—</span> · v<span id="version">—</span></div>
          </div>
          <button id="lang" type="button" aria-label="Language">English</button>
        </header>
        <div id="offline" class="banner bad" hidden data-i18n="offline">L'agent ne répond pas — affichage des dernières valeurs connues.</div>
        <main>
          <section id="alerts-card" class="card wide">
            <h2 data-i18n="alerts">Alertes actives</h2>
            <ul id="alerts" class="alerts"></ul>
            <p id="no-alerts" class="muted" data-i18n="noAlerts">Aucune alerte active.</p>
          </section>
          <section class="card">
            <h2 data-i18n="power">Alimentation</h2>
            <dl class="kv">
              <dt data-i18n="grid">Réseau électrique</dt><dd id="grid-state">—</dd>
              <dt data-i18n="gridVoltage">Tension réseau</dt><dd id="grid-voltage">—</dd>
              <dt data-i18n="soc">Charge de la batterie</dt><dd id="battery-soc">—</dd>
              <dt data-i18n="runtime">Autonomie estimée</dt><dd id="battery-runtime">—</dd>
              <dt data-i18n="batteryPower">Puissance batterie</dt><dd id="battery-power">—</dd>
              <dt data-i18n="batteryVoltage">Tension batterie</dt><dd id="battery-voltage">—</dd>
              <dt data-i18n="acOut">Charge (sortie CA)</dt><dd id="ac-out">—</dd>
              <dt data-i18n="pv">Solaire</dt><dd id="pv-power">—</dd>
              <dt data-i18n="inverter">État de l'onduleur</dt><dd id="inverter-state">—</dd>
              <dt data-i18n="genset">Génératrice</dt><dd id="genset">—</dd>
            </dl>
          </section>
          <section class="card">
            <h2 data-i18n="link">Liaison et file d'envoi</h2>
            <dl class="kv">
              <dt data-i18n="broker">Courtier MQTT</dt><dd id="broker">—</dd>
              <dt data-i18n="lastPublish">Dernier envoi réussi</dt><dd id="last-publish">—</dd>
              <dt data-i18n="published">Messages envoyés</dt><dd id="published">—</dd>
              <dt data-i18n="depth">Messages en attente</dt><dd id="outbox-depth">—</dd>
              <dt data-i18n="oldest">Plus ancien non envoyé</dt><dd id="outbox-oldest">—</dd>
              <dt data-i18n="bytes">Taille en attente</dt><dd id="outbox-bytes">—</dd>
              <dt data-i18n="evicted">Messages évincés</dt><dd id="outbox-evicted">—</dd>
              <dt data-i18n="unacked">Non confirmés par le collecteur</dt><dd id="outbox-unacked">—</dd>
              <dt data-i18n="oldestUnacked">Plus ancien non confirmé</dt><dd id="outbox-oldest-unacked">—</dd>
              <dt data-i18n="watermark">Confirmé jusqu'au n°</dt><dd id="outbox-watermark">—</dd>
            </dl>
          </section>
          <section id="packs-card" class="card wide" hidden>
            <h2 data-i18n="packs">Batteries EG4 (par module)</h2>
            <div class="scroll"><table id="packs"><thead><tr>
              <th>#</th><th data-i18n="voltage">Tension</th><th data-i18n="current">Courant</th><th>SoC</th><th>SoH</th>
              <th data-i18n="cellMin">Cellule min</th><th data-i18n="cellMax">Cellule max</th><th data-i18n="tempMax">Temp. max</th><th data-i18n="cycles">Cycles</th>
            </tr></thead><tbody></tbody></table></div>
          </section>
          <section class="card wide">
            <h2 data-i18n="checks">Infrastructure</h2>
            <div class="scroll"><table id="checks"><thead><tr>
              <th data-i18n="check">Vérification</th><th data-i18n="status">État</th><th data-i18n="summary">Résumé</th><th data-i18n="at">À</th>
            </tr></thead><tbody></tbody></table></div>
            <p id="no-checks" class="muted" data-i18n="noChecks">Aucune vérification configurée.</p>
          </section>
          <section class="card wide">
            <h2 data-i18n="sources">Sources</h2>
            <div class="scroll"><table id="sources"><thead><tr>
              <th data-i18n="source">Source</th><th data-i18n="type">Type</th><th data-i18n="lastSuccess">Dernier succès</th>
              <th data-i18n="duration">Durée</th><th data-i18n="okFail">Succès / échecs</th><th data-i18n="lastError">Dernière erreur</th>
            </tr></thead><tbody></tbody></table></div>
          </section>
          <details class="card wide">
            <summary data-i18n="allMetrics">Toutes les mesures</summary>
            <div class="scroll"><table id="metrics"><tbody></tbody></table></div>
          </details>
        </main>

        """;
}
