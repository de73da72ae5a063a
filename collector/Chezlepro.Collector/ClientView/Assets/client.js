// The client view (ClientView/ClientViewEndpoints.cs): a static page that holds no data. The key or token stays in
// sessionStorage (this tab only) and goes in the Authorization header of each API call; the DOM is built with
// textContent only, so nothing the API returns is ever read as markup. Wording and number forms are the monthly
// report's (Reports/ClientReport/ReportTexts.French.cs, ReportFormat.cs): Québec typography, no-break spaces.
'use strict';
(() => {
  const KEY = 'chezlepro.client.key';
  const ZONE = 'America/Toronto';
  const NBSP = '\u00a0';
  const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
  const NOTICE_TYPES = { first: 'premier avis', update: 'mise à jour', resolution: 'avis de rétablissement', postmortem: 'rapport post-incident', breach: 'avis de manquement', 'breach-declared': 'manquement constaté' };
  const RPO_STATUS = { Met: ['Respecté', 'good'], Breached: ['Non respecté', 'bad'], NoData: ['Aucune sauvegarde connue', 'bad'] };
  const PATCH_STATUS = { ok: ['À jour', 'good'], warning: ['En retard', 'bad'], unknown: ['Inconnu', ''] };
  // The agent's restore outcomes (agent/…/Sources/RestoreTest/README.md), as the client reads them.
  const OUTCOMES = { failed: 'Échoué', mismatch: 'Empreinte différente', timeout: 'Délai dépassé' };
  const ORIGINS = { schedule: 'Planifié', request: 'Sur demande' };
  const $ = id => document.getElementById(id);

  // ---- Formats (ReportFormat's French forms) ----
  const group = digits => digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  function number(value, decimals) {
    const [int, frac] = Math.abs(value).toFixed(decimals).split('.');
    return (value < 0 ? '-' : '') + group(int) + (frac ? ',' + frac : '');
  }
  const percent = (v, decimals = 3) => v === null || v === undefined ? '—' : number(v, decimals) + NBSP + '%';
  const shortPercent = v => number(v, 3).replace(/,?0+$/, '') + NBSP + '%';
  const money = (amount, currency) => number(amount, 2) + NBSP + ((currency || 'CAD').toUpperCase() === 'CAD' ? '$' : currency);
  function localParts(iso) {
    const parts = {};
    for (const p of new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
      .formatToParts(new Date(iso))) parts[p.type] = parseInt(p.value, 10);
    return parts;
  }
  const day = d => d === 1 ? '1er' : String(d);
  function dateTime(iso) {
    if (!iso) return '—';
    const p = localParts(iso);
    return `${day(p.day)} ${MONTHS[p.month - 1]} ${p.year}, ${p.hour % 24} h ${String(p.minute).padStart(2, '0')}`;
  }
  function localDate(isoOrDay) {
    if (!isoOrDay) return '—';
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoOrDay);
    const p = m ? { year: +m[1], month: +m[2], day: +m[3] } : localParts(isoOrDay);
    return `${day(p.day)} ${MONTHS[p.month - 1]} ${p.year}`;
  }
  function duration(totalSeconds) {
    const s = Math.floor(Math.abs(totalSeconds));
    const d = Math.floor(s / 86400), h = Math.floor(s / 3600) % 24, m = Math.floor(s / 60) % 60, r = s % 60;
    const parts = [];
    const unit = (v, u, two) => (two ? String(v).padStart(2, '0') : String(v)) + NBSP + u;
    if (d > 0) parts.push(unit(d, 'j', false));
    if (d > 0 || h > 0) parts.push(unit(h, 'h', false));
    if (d > 0 || h > 0 || m > 0) parts.push(unit(m, 'min', parts.length > 0));
    if (r > 0 || parts.length === 0) parts.push(unit(r, 's', parts.length > 0));
    return parts.join(' ');
  }
  const between = (from, to) => from && to ? duration((Date.parse(to) - Date.parse(from)) / 1000) : '—';
  function bytes(n) {
    if (n === null || n === undefined) return '—';
    const units = ['octets', 'Ko', 'Mo', 'Go', 'To'];
    let v = n, i = 0;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return (i === 0 ? number(v, 0) : number(v, 1)) + NBSP + units[i];
  }
  const monthTitle = key => `${MONTHS[+key.slice(5, 7) - 1]} ${key.slice(0, 4)}`;
  function today() {
    const p = localParts(new Date().toISOString());
    return { year: p.year, month: p.month, day: p.day, iso: `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}` };
  }

  // ---- DOM helpers: text only ----
  function el(tag, text, attrs) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null && v !== '') e.setAttribute(k, v);
    return e;
  }
  function table(headers, rows, id) {
    const t = el('table', null, { id });
    const head = t.appendChild(el('thead')).appendChild(el('tr'));
    for (const h of headers) head.appendChild(el('th', h, { scope: 'col' }));
    const body = t.appendChild(el('tbody'));
    for (const r of rows) body.appendChild(r);
    return t;
  }
  // A row from cells: a string, or [text, class, data-attribute name].
  function row(cells, attrs) {
    const tr = el('tr', null, attrs);
    for (const c of cells) {
      const [text, cls, data] = Array.isArray(c) ? c : [c];
      const td = el('td', text, { class: cls });
      if (data) td.setAttribute('data-' + data, '');
      tr.appendChild(td);
    }
    return tr;
  }
  function fill(id, state, ...nodes) {
    const section = $(id);
    section.setAttribute('data-state', state);
    const body = section.querySelector('.body');
    body.replaceChildren(...nodes);
  }
  function unavailable(id, result) {
    const why = result.status === 429 ? 'Trop de requêtes depuis cette adresse : réessayez dans une minute.'
      : 'Non disponible pour le moment' + (result.status ? ` (réponse ${result.status}).` : ' (le collecteur n’a pas répondu).');
    fill(id, 'unavailable', el('p', why, { class: 'unavailable' }));
  }

  // ---- API ----
  class SignedOut extends Error {}
  async function api(path, asText) {
    const key = sessionStorage.getItem(KEY);
    if (!key) throw new SignedOut('');
    let response;
    try {
      response = await fetch(path, { headers: { Authorization: 'Bearer ' + key, Accept: asText ? '*/*' : 'application/json' }, cache: 'no-store', credentials: 'omit' });
    } catch {
      return { status: 0, ok: false };
    }
    if (response.status === 401 || response.status === 403) throw new SignedOut(refusal(response.status));
    if (!response.ok) return { status: response.status, ok: false };
    try {
      return { status: response.status, ok: true, body: asText ? await response.text() : await response.json() };
    } catch {
      return { status: response.status, ok: false };
    }
  }
  const refusal = status => status === 401
    ? 'Clé ou jeton refusé : vérifiez-le (un jeton expire après quelques minutes) et reconnectez-vous.'
    : 'Cette clé ou ce jeton ne donne pas accès à l’espace client : demandez une clé client à votre fournisseur.';

  // ---- Sections ----
  async function availability() {
    const t = today();
    const months = [];
    for (let i = 0; i <= 12; i++) {
      const d = new Date(Date.UTC(t.year, t.month - 1 - i, 1));
      months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
    }
    const results = await Promise.all(months.map(m => api(`/api/v1/sla/${m}`)));
    if (results.every(r => !r.ok)) return unavailable('availability', results[0]);
    const rows = [];
    results.forEach((r, i) => {
      const label = monthTitle(months[i]) + (r.ok && !r.body.complete ? ' (en cours)' : '');
      if (!r.ok) { rows.push(row([label, ['Non disponible', 'unavailable'], '', '', ''], { 'data-month': months[i] })); return; }
      if (r.body.contracts.length === 0) { rows.push(row([label, ['Aucun contrat actif ce mois-ci', 'unavailable'], '', '', ''], { 'data-month': months[i] })); return; }
      for (const c of r.body.contracts) {
        const below = c.availability !== null && c.exactAvailability < c.objective;
        const credit = c.creditAmount > 0 ? `${money(c.creditAmount, c.currency)} (${shortPercent(c.creditPercent)} de la mensualité)` : 'Aucun';
        rows.push(row([label, c.contractId, [percent(c.availability), 'num' + (below ? ' bad' : ''), 'availability'],
          [shortPercent(c.objective), 'num', 'objective'], [credit, c.creditAmount > 0 ? 'bad' : '', 'credit']],
          { 'data-month': months[i], 'data-contract': c.contractId }));
        clientName(c.client);
      }
    });
    fill('availability', 'ok', table(['Mois', 'Contrat', 'Disponibilité', 'Objectif', 'Crédit de service'], rows, 'availability-table'));
  }

  function verdict(breached, done) {
    return breached ? ['dépassée', 'bad'] : done ? ['respectée', 'good'] : ['en cours', ''];
  }
  async function incidents() {
    const r = await api('/api/v1/incidents?status=all');
    if (!r.ok) return unavailable('incidents', r);
    if (r.body.length === 0) return fill('incidents', 'ok', el('p', 'Aucun incident ces 92 derniers jours.', { id: 'no-incident' }));
    const notices = await Promise.all(r.body.map(i => api(`/api/v1/incidents/${encodeURIComponent(i.id)}/notices`)));
    const rows = r.body.map((i, n) => {
      const [ackText, ackClass] = verdict(i.acknowledgeBreached, !!i.acknowledgedAt);
      const [restText, restClass] = verdict(i.restoreBreached, !!i.restoredAt);
      const list = notices[n];
      let noticeText = 'Non disponible';
      if (list.ok) {
        const last = list.body[list.body.length - 1];
        noticeText = list.body.length === 0 ? 'Aucun avis'
          : `${list.body.length} avis; dernier : ${NOTICE_TYPES[last.type] || last.type}, ${dateTime(last.sentAt)}`;
        if (i.noticeDueAt) noticeText += `; prochain (${NOTICE_TYPES[i.noticeDueType] || i.noticeDueType}) attendu le ${dateTime(i.noticeDueAt)}` + (i.noticeLate ? ' — en retard' : '');
      }
      return row([i.serviceId, i.priority, dateTime(i.detectedAt),
        [i.acknowledgedAt ? between(i.detectedAt, i.acknowledgedAt) : '—', 'num', 'response'],
        [`avant le ${dateTime(i.acknowledgeDueAt)} — ${ackText}`, ackClass, 'response-target'],
        [i.restoredAt ? between(i.detectedAt, i.restoredAt) : '—', 'num', 'restore'],
        [`avant le ${dateTime(i.restoreDueAt)} — ${restText}`, restClass, 'restore-target'],
        [noticeText, list.ok && i.noticeLate ? 'bad' : '', 'notices']], { 'data-incident': i.id });
    });
    fill('incidents', 'ok', table(['Service', 'Priorité', 'Détecté', 'Prise en charge', 'Cible', 'Rétablissement', 'Cible', 'Avis au client'], rows, 'incidents-table'));
  }

  async function backups() {
    const r = await api('/api/v1/rpo');
    if (!r.ok) return unavailable('backups', r);
    if (r.body.length === 0) return fill('backups', 'ok', el('p', 'Aucune machine protégée pour vos services.'));
    const rows = r.body.map(g => {
      const [text, cls] = RPO_STATUS[g.status] || [g.status, ''];
      return row([g.guestId, g.serviceId, [duration(g.targetSeconds), 'num'], dateTime(g.lastGoodBackupAt),
        [g.ageSeconds === null || g.ageSeconds === undefined ? '—' : duration(g.ageSeconds), 'num'], [text, cls, 'status']], { 'data-guest': g.guestId });
    });
    fill('backups', 'ok', table(['Machine', 'Service', 'Cible RPO', 'Dernière sauvegarde valide', 'Âge', 'État'], rows, 'backups-table'));
  }

  async function restoreTests() {
    const year = today().year;
    const r = await api(`/api/v1/restore-tests?year=${year}`);
    if (!r.ok) return unavailable('restore-tests', r);
    const nodes = [];
    for (const a of r.body.allowance || [])
      nodes.push(el('p', `Tests de restauration sur demande restants cette année${NBSP}: ${a.left} sur ${a.included}`, { class: 'allowance', 'data-client': a.client }));
    const tests = r.body.tests || [];
    if (tests.length === 0) nodes.push(el('p', `Aucun test de restauration en ${r.body.year || year}.`));
    else {
      nodes.push(table(['Date', 'Origine', 'Machine', 'Échantillon', 'Instantané', 'Taille', 'Durée', 'Résultat'], tests.map(t => {
        const good = /^(ok|passed|success|succeeded)$/i.test(t.outcome || '');
        const origin = (ORIGINS[t.origin] || t.origin) + (t.origin === 'request' && t.by ? ` (${t.by})` : '');
        return row([dateTime(t.startedAt), origin, t.guest, t.name, t.snapshot || t.archive || '—', [bytes(t.bytes), 'num'],
          [t.durationSeconds === null || t.durationSeconds === undefined ? '—' : duration(t.durationSeconds), 'num'],
          [good ? 'Réussi' : (OUTCOMES[t.outcome] || t.outcome), good ? 'good' : 'bad', 'outcome']]);
      }), 'restore-tests-table'));
    }
    fill('restore-tests', 'ok', ...nodes);
  }

  async function patches() {
    const r = await api('/api/v1/patches');
    if (!r.ok) return unavailable('patches', r);
    const nodes = r.body.nodes || [];
    if (nodes.length === 0) return fill('patches', 'ok', el('p', 'Aucun serveur suivi pour vos services.'));
    fill('patches', 'ok', table(['Serveur', 'Mises à jour en attente', 'Dont de sécurité', 'Dernier correctif', 'Jours depuis', 'État'], nodes.map(n => {
      const [text, cls] = PATCH_STATUS[n.status] || [n.status, ''];
      return row([`${n.site}/${n.node}`, [n.pending ?? '—', 'num'], [n.security ?? '—', 'num' + (n.security > 0 ? ' bad' : '')], dateTime(n.lastPatchAt),
        [n.daysSinceLastPatch ?? '—', 'num'], [text, cls, 'status']], { 'data-node': `${n.site}/${n.node}` });
    }), 'patches-table'));
  }

  async function drTests() {
    const r = await api('/api/v1/dr-tests');
    if (!r.ok) return unavailable('dr-tests', r);
    const nodes = [];
    const minutes = m => duration(m * 60);
    if (r.body.tests.length === 0) nodes.push(el('p', 'Aucun test de relève enregistré.'));
    else {
      nodes.push(table(['Date', 'Scénario', 'Services : mesuré / cible', 'Résultat', 'Constats'], r.body.tests.map(t => {
        const services = t.services.map(s => `${s.service} : RTO ${minutes(s.rtoMinutes)} / ${minutes(s.rtoTargetMinutes)}${s.rtoMet ? '' : ' (dépassé)'}, `
          + `RPO ${minutes(s.rpoMinutes)} / ${minutes(s.rpoTargetMinutes)}${s.rpoMet ? '' : ' (dépassé)'}`).join('; ');
        return row([localDate(t.date), t.scenario, services, [t.passed ? 'Réussi' : 'Cibles dépassées', t.passed ? 'good' : 'bad', 'result'], t.findings || '—'],
          { 'data-test': t.id });
      }), 'dr-tests-table'));
    }
    if (r.body.services.length > 0) {
      nodes.push(el('h3', 'Test annuel par service'));
      nodes.push(table(['Service', 'Dernier test', 'Prochain test attendu avant le'], r.body.services.map(s =>
        row([s.service, s.lastTestDate ? `${localDate(s.lastTestDate)} — ${s.lastTestPassed ? 'réussi' : 'cibles dépassées'}` : 'Aucun',
          [localDate(s.nextDueBy) + (s.due ? ' — à faire' : ''), s.due ? 'bad' : '']], { 'data-service': s.service })), 'dr-services-table'));
    }
    fill('dr-tests', 'ok', ...nodes);
  }

  // ---- Evidence export: fetched with the header, saved from a Blob ----
  let client = '';
  function clientName(name) {
    if (!name || client) return;
    client = name;
    $('who').textContent = 'Client : ' + name;
    $('who').hidden = false;
  }
  const fileSafe = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '') || 'client';
  function save(text, type, name) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el('a', null, { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }
  async function download(what) {
    const status = $('evidence-status');
    status.className = '';
    try {
      if (what === 'heads') {
        const r = await api('/api/v1/evidence/heads', true);
        if (!r.ok) throw r;
        save(r.body, 'application/json', 'tetes-preuves.json');
        status.textContent = 'Têtes quotidiennes téléchargées.';
        return;
      }
      const from = $('evidence-from').value, to = $('evidence-to').value;
      status.textContent = 'Préparation du journal…';
      const r = await api(`/api/v1/evidence?format=jsonl&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, true);
      if (!r.ok) throw r;
      let owner = client;
      try { owner = JSON.parse(r.body.split('\n', 1)[0]).client || client; } catch { /* the header names the client; the page's name will do */ }
      const name = `preuves-${fileSafe(owner)}-${from}-${to}.jsonl`;
      save(r.body, 'application/x-ndjson', name);
      status.textContent = `Journal téléchargé : ${name} (${number(r.body.split('\n').filter(l => l).length, 0)} lignes).`;
    } catch (e) {
      if (e instanceof SignedOut) return signOut(e.message);
      status.className = 'error';
      status.textContent = 'Téléchargement non disponible' + (e && e.status ? ` (réponse ${e.status}).` : '.');
    }
  }

  // ---- Session ----
  const SECTIONS = ['availability', 'incidents', 'backups', 'restore-tests', 'patches', 'dr-tests'];
  function signOut(message) {
    sessionStorage.removeItem(KEY);
    client = '';
    // Nothing of the client stays in the page, even hidden: the next person at this browser sees the form only.
    for (const id of SECTIONS) fill(id, 'loading', el('p', 'Chargement…', { class: 'pending' }));
    $('evidence-status').textContent = '';
    $('view').hidden = true;
    $('logout').hidden = true;
    $('who').hidden = true;
    $('who').textContent = '';
    $('login').hidden = false;
    $('key').value = '';
    $('login-error').textContent = message || '';
    $('login-error').hidden = !message;
    $('login-button').disabled = false;
    document.body.setAttribute('data-state', message ? 'refused' : 'login');
    $('key').focus();
  }
  async function open() {
    document.body.setAttribute('data-state', 'loading');
    $('login-button').disabled = true;
    // One call first: a refused key goes back to the form before any section starts.
    const t = today();
    let first;
    try {
      first = await api(`/api/v1/sla/${t.iso.slice(0, 7)}`);
    } catch (e) {
      return signOut(e.message);
    }
    if (first.status === 429) {
      sessionStorage.removeItem(KEY);
      $('login-button').disabled = false;
      $('login-error').textContent = 'Trop de tentatives refusées depuis cette adresse : réessayez dans une minute.';
      $('login-error').hidden = false;
      document.body.setAttribute('data-state', 'limited');
      return;
    }
    $('login').hidden = true;
    $('login-error').hidden = true;
    $('view').hidden = false;
    $('logout').hidden = false;
    const from = new Date(Date.UTC(t.year - 1, t.month - 1, t.day + 1));
    $('evidence-from').value = from.toISOString().slice(0, 10);
    $('evidence-to').value = t.iso;
    $('evidence-status').textContent = '';
    $('loaded-at').textContent = 'Données du ' + dateTime(new Date().toISOString()) + '.';
    const sections = [availability, incidents, backups, restoreTests, patches, drTests];
    const outcomes = await Promise.allSettled(sections.map(s => s()));
    const refused = outcomes.find(o => o.status === 'rejected' && o.reason instanceof SignedOut);
    if (refused) return signOut(refused.reason.message);
    outcomes.forEach((o, i) => {
      // A section that failed in its own rendering says so; the others stand.
      if (o.status === 'rejected') unavailable(SECTIONS[i], { status: 0 });
    });
    document.body.setAttribute('data-state', 'ready');
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', e => {
      e.preventDefault();
      const key = $('key').value.trim();
      if (!key) return;
      sessionStorage.setItem(KEY, key);
      $('key').value = '';
      open();
    });
    $('logout').addEventListener('click', () => signOut(''));
    $('evidence-form').addEventListener('submit', e => { e.preventDefault(); download('bundle'); });
    $('heads-download').addEventListener('click', () => download('heads'));
    if (sessionStorage.getItem(KEY)) open(); else signOut('');
  });
})();
