namespace Chezlepro.Agent.StatusPage;

internal static partial class StatusPageHtml
{
    // VE.Bus state names (Victron CCGX Modbus TCP register list, com.victronenergy.vebus /State; the MK2
    // protocol reports the same codes), shown beside the vendor code that contract.md publishes.
    private const string Script = """
        <script>
        "use strict";
        const T = {
          fr: { title:"État du site", updated:"Mis à jour", started:"Démarré", offline:"L'agent ne répond pas — affichage des dernières valeurs connues.",
            alerts:"Alertes actives", noAlerts:"Aucune alerte active.", power:"Alimentation", grid:"Réseau électrique", gridVoltage:"Tension réseau",
            soc:"Charge de la batterie", runtime:"Autonomie estimée", batteryPower:"Puissance batterie", batteryVoltage:"Tension batterie",
            acOut:"Charge (sortie CA)", pv:"Solaire", inverter:"État de l'onduleur", genset:"Génératrice", link:"Liaison et file d'envoi",
            broker:"Courtier MQTT", lastPublish:"Dernier envoi réussi", published:"Messages envoyés", depth:"Messages en attente",
            oldest:"Plus ancien non envoyé", bytes:"Taille en attente", evicted:"Messages évincés", unacked:"Non confirmés par le collecteur",
            oldestUnacked:"Plus ancien non confirmé", watermark:"Confirmé jusqu'au n°", packs:"Batteries EG4 (par module)",
            voltage:"Tension", current:"Courant", cellMin:"Cellule min", cellMax:"Cellule max", tempMax:"Temp. max", cycles:"Cycles",
            checks:"Infrastructure", check:"Vérification", status:"État", summary:"Résumé", at:"À", noChecks:"Aucune vérification configurée.",
            sources:"Sources", source:"Source", type:"Type", lastSuccess:"Dernier succès", duration:"Durée", okFail:"Succès / échecs",
            lastError:"Dernière erreur", allMetrics:"Toutes les mesures", gridOn:"Présent", gridOff:"PANNE — sur batterie",
            connected:"Connecté", disconnected:"Déconnecté", never:"jamais", ago:"il y a {0}", charging:"en charge", running:"En marche",
            stopped:"Arrêtée", empty:"vide", ok:"OK", warning:"Avertissement", critical:"Critique", unknown:"Inconnu", toggle:"English",
            states:{0:"arrêt",1:"basse consommation",2:"défaut",3:"charge bulk",4:"absorption",5:"floating",6:"stockage",7:"égalisation",8:"passthru",9:"onduleur",10:"assistance",11:"alimentation",252:"contrôle externe"} },
          en: { title:"Site status", updated:"Updated", started:"Started", offline:"The agent is not answering — showing the last known values.",
            alerts:"Active alerts", noAlerts:"No active alert.", power:"Power", grid:"Grid", gridVoltage:"Grid voltage",
            soc:"Battery charge", runtime:"Estimated runtime", batteryPower:"Battery power", batteryVoltage:"Battery voltage",
            acOut:"Load (AC out)", pv:"Solar", inverter:"Inverter state", genset:"Generator", link:"Uplink and outbox",
            broker:"MQTT broker", lastPublish:"Last successful publish", published:"Messages published", depth:"Messages waiting",
            oldest:"Oldest unsent", bytes:"Bytes waiting", evicted:"Messages evicted", unacked:"Not yet acknowledged by the collector",
            oldestUnacked:"Oldest unacknowledged", watermark:"Acknowledged through seq", packs:"EG4 batteries (per pack)",
            voltage:"Voltage", current:"Current", cellMin:"Cell min", cellMax:"Cell max", tempMax:"Max temp.", cycles:"Cycles",
            checks:"Infrastructure", check:"Check", status:"Status", summary:"Summary", at:"At", noChecks:"No check configured.",
            sources:"Sources", source:"Source", type:"Type", lastSuccess:"Last success", duration:"Duration", okFail:"Successes / failures",
            lastError:"Last error", allMetrics:"All metrics", gridOn:"Available", gridOff:"LOST — on battery",
            connected:"Connected", disconnected:"Disconnected", never:"never", ago:"{0} ago", charging:"charging", running:"Running",
            stopped:"Stopped", empty:"empty", ok:"OK", warning:"Warning", critical:"Critical", unknown:"Unknown", toggle:"Français",
            states:{0:"off",1:"low power",2:"fault",3:"bulk",4:"absorption",5:"float",6:"storage",7:"equalize",8:"passthru",9:"inverting",10:"power assist",11:"power supply",252:"external control"} }
        };
        const params = new URLSearchParams(location.search);
        let lang = params.get("lang") === "en" ? "en" : params.get("lang") === "fr" ? "fr" : (localStorage.getItem("lang") === "en" ? "en" : "fr");
        let last = null;
        const $ = id => document.getElementById(id);
        const t = k => T[lang][k];
        const locale = () => lang === "fr" ? "fr-CA" : "en-CA";
        function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (cls) e.className = cls; return e; }
        function set(id, text, cls) { const e = $(id); e.textContent = text; e.className = cls || ""; }
        function nu(v, unit, digits) { return v === undefined || v === null ? "—" : num(v, digits) + " " + unit; }
        function num(v, digits) { return v === undefined || v === null ? "—" : Number(v).toLocaleString(locale(), { maximumFractionDigits: digits === undefined ? 1 : digits }); }
        function dur(seconds) {
          if (seconds === null || seconds === undefined) return "—";
          const s = Math.max(0, Math.round(seconds));
          if (s < 60) return s + " s";
          if (s < 3600) return Math.floor(s / 60) + " min " + (s % 60) + " s";
          if (s < 86400) return Math.floor(s / 3600) + " h " + Math.floor((s % 3600) / 60) + " min";
          return Math.floor(s / 86400) + " j " + Math.floor((s % 86400) / 3600) + " h";
        }
        function when(ts, now) {
          if (!ts) return t("never");
          const d = new Date(ts);
          return d.toLocaleString(locale()) + " (" + t("ago").replace("{0}", dur((new Date(now) - d) / 1000)) + ")";
        }
        function bytes(b) { const u = ["o", "Kio", "Mio", "Gio"]; let i = 0; let v = b; while (v >= 1024 && i < u.length - 1) { v /= 1024; i++; } return num(v, i ? 1 : 0) + " " + (lang === "en" ? u[i].replace("o", "B") : u[i]); }
        function translateStatic() {
          document.documentElement.lang = lang;
          document.title = "Chezlepro — " + t("title");
          document.querySelectorAll("[data-i18n]").forEach(e => { e.textContent = t(e.getAttribute("data-i18n")); });
          $("lang").textContent = t("toggle");
        }
        function render(s) {
          const m = {}; for (const x of s.metrics) m[x.metric] = x;
          const v = k => m[k] ? m[k].value : undefined;
          const withUnit = (k, d) => m[k] ? num(m[k].value, d) + (m[k].unit ? " " + m[k].unit : "") : "—";
          set("site", s.site); set("node", s.node); set("version", s.agentVersion || "—");
          set("updated", new Date(s.now).toLocaleString(locale())); set("started", when(s.startedAt, s.now));
          const alerts = $("alerts"); alerts.replaceChildren();
          for (const a of s.alerts) {
            const li = el("li", null, a.priority);
            li.append(el("strong", a.priority + " "), el("span", lang === "en" ? a.summaryEn : a.summary), el("span", " — " + a.source, "muted"));
            li.dataset.alert = a.id; alerts.append(li);
          }
          $("no-alerts").hidden = s.alerts.length > 0;
          const grid = v("grid.available");
          set("grid-state", grid === undefined ? "—" : grid >= 1 ? t("gridOn") : t("gridOff"), grid === undefined ? "" : grid >= 1 ? "ok" : "bad");
          set("grid-voltage", withUnit("grid.voltage"));
          const soc = v("battery.soc");
          set("battery-soc", soc === undefined ? "—" : num(soc) + " %", soc === undefined ? "" : soc < 20 ? "bad" : soc < 40 ? "warning" : "ok");
          const bp = v("battery.power");
          set("battery-runtime", v("battery.runtime") !== undefined ? dur(v("battery.runtime")) : (bp !== undefined && bp > 0 ? t("charging") : "—"));
          set("battery-power", withUnit("battery.power", 0)); set("battery-voltage", withUnit("battery.voltage", 2));
          set("ac-out", withUnit("ac.out.power", 0)); set("pv-power", withUnit("pv.power", 0));
          const st = v("inverter.state");
          set("inverter-state", st === undefined ? "—" : st + (T[lang].states[st] ? " (" + T[lang].states[st] + ")" : ""));
          const gen = v("genset.running");
          set("genset", gen === undefined ? "—" : gen >= 1 ? t("running") : t("stopped"));
          set("broker", s.brokerConnected ? t("connected") : t("disconnected"), s.brokerConnected ? "ok" : "bad");
          set("last-publish", when(s.lastPublishAt, s.now)); set("published", num(s.published, 0));
          set("outbox-depth", num(s.outbox.depth, 0), s.outbox.depth > 0 && !s.brokerConnected ? "warning" : "");
          set("outbox-oldest", s.outboxOldestAgeSeconds === null || s.outboxOldestAgeSeconds === undefined ? t("empty") : dur(s.outboxOldestAgeSeconds));
          set("outbox-bytes", bytes(s.outbox.bytes)); set("outbox-evicted", num(s.outbox.evicted, 0), s.outbox.evicted > 0 ? "warning" : "");
          set("outbox-unacked", num(s.outbox.unacknowledged, 0));
          set("outbox-oldest-unacked", s.outboxOldestUnacknowledgedAgeSeconds === null || s.outboxOldestUnacknowledgedAgeSeconds === undefined ? t("empty") : dur(s.outboxOldestUnacknowledgedAgeSeconds));
          set("outbox-watermark", num(s.outbox.watermark, 0));
          const packs = {};
          for (const x of s.metrics) { const p = /^battery\.pack\.(\d+)\.(.+)$/.exec(x.metric); if (p) (packs[p[1]] = packs[p[1]] || {})[p[2]] = x.value; }
          const ids = Object.keys(packs).sort((a, b) => a - b);
          $("packs-card").hidden = ids.length === 0;
          const pb = $("packs").tBodies[0]; pb.replaceChildren();
          for (const id of ids) {
            const p = packs[id]; const tr = el("tr");
            tr.append(el("td", id), el("td", nu(p.voltage, "V", 2)), el("td", nu(p.current, "A")), el("td", nu(p.soc, "%")), el("td", nu(p.soh, "%")),
              el("td", nu(p["cell.min"], "V", 3)), el("td", nu(p["cell.max"], "V", 3)), el("td", nu(p["temperature.max"], "°C")), el("td", num(p.cycles, 0)));
            pb.append(tr);
          }
          const cb = $("checks").tBodies[0]; cb.replaceChildren();
          for (const h of s.health) {
            const tr = el("tr"); const b = el("td"); b.append(el("span", t(h.status), "badge " + h.status));
            tr.append(el("td", h.check), b, el("td", h.summary), el("td", when(h.ts, s.now))); tr.dataset.check = h.check; cb.append(tr);
          }
          $("no-checks").hidden = s.health.length > 0;
          const sb = $("sources").tBodies[0]; sb.replaceChildren();
          for (const x of s.sources) {
            const tr = el("tr", null, x.consecutiveFailures > 0 ? "bad" : "");
            tr.append(el("td", x.name), el("td", x.type), el("td", when(x.lastSuccessAt, s.now)), el("td", num(x.lastDurationMs, 0) + " ms"),
              el("td", num(x.successes, 0) + " / " + num(x.failures, 0)), el("td", x.lastError || ""));
            tr.dataset.source = x.name; sb.append(tr);
          }
          const mb = $("metrics").tBodies[0]; mb.replaceChildren();
          for (const x of s.metrics) { const tr = el("tr"); tr.append(el("td", x.metric), el("td", num(x.value, 3) + (x.unit ? " " + x.unit : ""))); mb.append(tr); }
          document.body.dataset.loaded = "true";
        }
        async function refresh() {
          try {
            const r = await fetch("api/status", { cache: "no-store" });
            if (!r.ok) throw new Error(String(r.status));
            last = await r.json(); $("offline").hidden = true; render(last);
          } catch (e) { $("offline").hidden = false; }
        }
        $("lang").addEventListener("click", () => { lang = lang === "fr" ? "en" : "fr"; localStorage.setItem("lang", lang); translateStatic(); if (last) render(last); });
        translateStatic(); refresh(); setInterval(refresh, 5000);
        </script>

        """;
}
