// agentdlp alerts console: a dependency-free single page. All data is rendered with textContent /
// createElement (never innerHTML), so alert content cannot inject markup; the server's CSP allows
// only this script.
(function () {
  'use strict';

  const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
  const SEV_COLORS = { CRITICAL: '#b42318', HIGH: '#e0582b', MEDIUM: '#d69e0a', LOW: '#2e90fa', INFO: '#98a2b3' };
  const RANGES = { '15m': 9e5, '1h': 36e5, '24h': 864e5, '7d': 6048e5, '30d': 2592e6 };
  const FACETS = ['detector', 'rule', 'user', 'device', 'agent', 'repo', 'destination'];

  const state = {
    session: null,
    alerts: new Map(),
    total: 0,
    source: null,
    fresh: new Set(),
    currentDetail: null,
    renderQueued: false,
  };

  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = v;
        else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  function svg(tag, attrs, ...children) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    for (const c of children.flat()) {
      if (c === null || c === undefined) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  // ---- API --------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && state.session && state.session.csrf_token) headers['X-CSRF-Token'] = state.session.csrf_token;
    const res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    if (res.status === 401 && path !== '/api/login') {
      showLogin();
      throw new ApiError(401, 'Please sign in again.');
    }
    if (res.status === 204) return null;
    let data = null;
    try {
      data = await res.json();
    } catch (e) {
      data = null;
    }
    if (!res.ok) throw new ApiError(res.status, (data && data.error) || ('HTTP ' + res.status));
    return data;
  }

  // ---- formatting -------------------------------------------------------------------------------

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  function fmtTime(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' +
      pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }

  function fmtAgo(iso) {
    if (!iso) return '';
    const s = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
    if (s < 60) return s + 's ago';
    if (s < 3600) return Math.round(s / 60) + 'm ago';
    if (s < 86400) return Math.round(s / 3600) + 'h ago';
    return Math.round(s / 86400) + 'd ago';
  }

  function sevBadge(sev) {
    return el('span', { class: 'sev ' + sev, text: sev });
  }

  function statusBadge(status, extra) {
    return el('span', { class: 'status ' + status, text: status.charAt(0) + status.slice(1).toLowerCase() + (extra || '') });
  }

  function destText(d) {
    if (!d || !d.host) return '';
    return d.host + (d.port ? ':' + d.port : '');
  }

  function userText(a) {
    return a.user_email || a.user_id || '';
  }

  // ---- login / session --------------------------------------------------------------------------

  function showLogin(message) {
    closeStream();
    state.session = null;
    $('app').classList.add('hidden');
    $('login').classList.remove('hidden');
    $('login-error').textContent = message || '';
    $('username').focus();
  }

  function showApp() {
    $('login').classList.add('hidden');
    $('app').classList.remove('hidden');
    $('whoami').textContent = state.session.user + ' · ' + state.session.role;
    $('nav-admin').classList.toggle('hidden', !state.session.is_admin);
    $('logout').classList.toggle('hidden', state.session.method !== 'password');
  }

  async function login(ev) {
    ev.preventDefault();
    $('login-error').textContent = '';
    $('login-submit').disabled = true;
    try {
      state.session = await api('POST', '/api/login', { username: $('username').value, password: $('password').value });
      $('password').value = '';
      showApp();
      await loadFacets();
      route();
    } catch (e) {
      $('login-error').textContent = e.message;
    } finally {
      $('login-submit').disabled = false;
    }
  }

  async function logout() {
    try {
      await api('POST', '/api/logout', {});
    } finally {
      showLogin();
    }
  }

  // ---- filters ----------------------------------------------------------------------------------

  function filterParams() {
    const p = new URLSearchParams();
    for (const box of document.querySelectorAll('#filters input[type=checkbox]:checked')) p.append(box.name, box.value);
    for (const f of FACETS) {
      const v = $('f-' + f).value;
      if (v) p.set(f, v);
    }
    const q = $('f-q').value.trim();
    if (q) p.set('q', q);
    const range = $('f-range').value;
    if (RANGES[range]) {
      p.set('from', new Date(Date.now() - RANGES[range]).toISOString());
    } else if (range === 'custom') {
      if ($('f-from').value) p.set('from', new Date($('f-from').value).toISOString());
      if ($('f-to').value) p.set('to', new Date($('f-to').value).toISOString());
    }
    return p;
  }

  function statusFilter() {
    return new Set([...document.querySelectorAll('#filters input[name=status]:checked')].map((b) => b.value));
  }

  async function loadFacets() {
    const f = await api('GET', '/api/facets');
    for (const name of FACETS) {
      const select = $('f-' + name);
      const current = select.value;
      const first = select.options[0];
      clear(select).appendChild(first);
      for (const v of f[name] || []) select.appendChild(el('option', { value: v, text: v }));
      if (current && ![...select.options].some((o) => o.value === current)) {
        select.appendChild(el('option', { value: current, text: current }));
      }
      select.value = current;
    }
  }

  let filterTimer = null;

  function filtersChanged() {
    $('custom-range').classList.toggle('hidden', $('f-range').value !== 'custom');
    clearTimeout(filterTimer);
    filterTimer = setTimeout(loadFeed, 250);
  }

  function resetFilters() {
    for (const box of document.querySelectorAll('#filters input[type=checkbox]')) box.checked = false;
    for (const f of FACETS) $('f-' + f).value = '';
    $('f-q').value = '';
    $('f-range').value = '7d';
    filtersChanged();
  }

  // ---- live feed --------------------------------------------------------------------------------

  async function loadFeed() {
    $('feed-error').textContent = '';
    const params = filterParams();
    params.set('limit', '500');
    try {
      const data = await api('GET', '/api/alerts?' + params.toString());
      state.alerts = new Map(data.items.map((a) => [a.alert_id, a]));
      state.total = data.total;
      renderFeed();
      openStream();
    } catch (e) {
      $('feed-error').textContent = e.message;
    }
  }

  function openStream() {
    closeStream();
    const params = filterParams();
    const source = new EventSource('/api/stream?' + params.toString());
    state.source = source;
    source.addEventListener('open', () => setLive(true));
    source.addEventListener('error', () => setLive(false));
    source.addEventListener('alert', (ev) => {
      const a = JSON.parse(ev.data);
      onAlertEvent(a);
    });
  }

  function closeStream() {
    if (state.source) {
      state.source.close();
      state.source = null;
    }
    setLive(false);
  }

  function setLive(on) {
    const live = $('live');
    live.classList.toggle('on', on);
    live.classList.toggle('off', !on);
    live.textContent = on ? 'live' : 'reconnecting';
  }

  const FACET_OF = {
    detector: (a) => a.detector,
    rule: (a) => a.rule_id,
    user: (a) => userText(a),
    device: (a) => a.device_id,
    agent: (a) => a.agent_name,
    repo: (a) => a.repo_remote,
    destination: (a) => a.destination && a.destination.host,
  };

  function addFacetValues(a) {
    for (const name of FACETS) {
      const v = FACET_OF[name](a);
      const select = $('f-' + name);
      if (v && ![...select.options].some((o) => o.value === v)) select.appendChild(el('option', { value: v, text: v }));
    }
  }

  function onAlertEvent(a) {
    addFacetValues(a);
    const statuses = statusFilter();
    const known = state.alerts.has(a.alert_id);
    if (statuses.size && !statuses.has(a.status)) {
      if (known) {
        state.alerts.delete(a.alert_id);
        state.total = Math.max(0, state.total - 1);
      }
    } else {
      if (!known) state.total += 1;
      state.alerts.set(a.alert_id, a);
      state.fresh.add(a.alert_id);
    }
    queueRender();
    if (state.currentDetail === a.alert_id) loadDetail(a.alert_id);
  }

  function queueRender() {
    if (state.renderQueued) return;
    state.renderQueued = true;
    requestAnimationFrame(() => {
      state.renderQueued = false;
      renderFeed();
    });
  }

  function renderFeed() {
    const body = clear($('alerts-body'));
    const rows = [...state.alerts.values()].sort((a, b) =>
      (b.last_seen > a.last_seen ? 1 : b.last_seen < a.last_seen ? -1 : a.alert_id < b.alert_id ? -1 : 1));
    for (const a of rows) {
      const tr = el('tr', { 'data-alert-id': a.alert_id, class: state.fresh.has(a.alert_id) ? 'fresh' : null,
        onclick: () => { location.hash = '#/alerts/' + encodeURIComponent(a.alert_id); } },
        el('td', { class: 'when', title: fmtTime(a.last_seen) }, fmtAgo(a.last_seen)),
        el('td', null, sevBadge(a.severity)),
        el('td', { class: 'title' }, a.title, el('span', { class: 'sub', text: a.repo_remote || '' })),
        el('td', null, a.detector, el('span', { class: 'sub muted' }, ' / ' + a.rule_id)),
        el('td', null, userText(a)),
        el('td', null, a.agent_name || ''),
        el('td', null, destText(a.destination)),
        el('td', null, String(a.occurrence_count)),
        el('td', { class: 'status-cell' }, statusBadge(a.status, a.reoccurred ? ' (again)' : '')),
        el('td', null, (a.triage && a.triage.assignee) || ''));
      body.appendChild(tr);
    }
    state.fresh.clear();
    $('feed-count').textContent = state.total + (state.total === 1 ? ' alert' : ' alerts') +
      (state.total > rows.length ? ' (newest ' + rows.length + ' shown)' : '');
    $('feed-empty').classList.toggle('hidden', rows.length > 0);
  }

  // ---- detail -----------------------------------------------------------------------------------

  async function loadDetail(id) {
    const view = $('view-detail');
    try {
      const a = await api('GET', '/api/alerts/' + encodeURIComponent(id));
      if (state.currentDetail !== id) return;
      renderDetail(a);
    } catch (e) {
      clear(view).appendChild(el('p', { class: 'error', text: e.message }));
    }
  }

  function fact(dl, label, value) {
    if (value === null || value === undefined || value === '') return;
    dl.appendChild(el('dt', { text: label }));
    dl.appendChild(el('dd', null, value));
  }

  function renderDetail(a) {
    // A live update re-renders the page: keep what the analyst is typing.
    const drafts = {};
    for (const id of ['comment', 'suppress-reason', 'assignee', 'suppress-for']) {
      const input = $(id);
      if (input && input.dataset.touched) drafts[id] = input.value;
    }
    const view = clear($('view-detail'));
    view.appendChild(el('a', { href: '#/alerts', class: 'back', text: '← Back to the feed' }));
    view.appendChild(el('div', { class: 'detail-head' },
      sevBadge(a.severity),
      el('h2', { id: 'detail-title', text: a.title }),
      el('span', { id: 'detail-status' }, statusBadge(a.status, a.reoccurred ? ' (fired again)' : ''))));

    const left = el('div');
    const right = el('div');
    view.appendChild(el('div', { class: 'detail-grid' }, left, right));

    left.appendChild(el('div', { class: 'card' }, el('h3', { text: 'What happened' }),
      el('p', { class: 'explanation', id: 'detail-explanation', text: a.explanation })));

    const facts = el('dl', { class: 'facts' });
    fact(facts, 'Detector / rule', a.detector + ' / ' + a.rule_id);
    fact(facts, 'First seen', fmtTime(a.first_seen));
    fact(facts, 'Last seen', fmtTime(a.last_seen) + ' (' + fmtAgo(a.last_seen) + ')');
    fact(facts, 'Occurrences', String(a.occurrence_count));
    fact(facts, 'User', [a.user_email, a.user_id].filter(Boolean).join(' · '));
    fact(facts, 'Device', a.device_id);
    fact(facts, 'Agent', [a.agent_name, a.agent_version].filter(Boolean).join(' '));
    fact(facts, 'Repository', a.repo_remote);
    fact(facts, 'Session', a.session_id ? el('a', { href: '#/sessions/' + encodeURIComponent(a.session_id), id: 'session-link' },
      el('code', { text: a.session_id })) : null);
    if (a.destination) {
      fact(facts, 'Destination', destText(a.destination));
      fact(facts, 'Destination URL', a.destination.url ? el('code', { text: a.destination.url }) : null);
    }
    if (a.content_truncated) fact(facts, 'Note', 'The triggering content was only scanned up to the size limit.');
    for (const [k, v] of Object.entries(a.attributes || {})) fact(facts, k, v);
    fact(facts, 'Alert id', el('code', { text: a.alert_id }));
    left.appendChild(el('div', { class: 'card' }, el('h3', { text: 'Context' }), facts));

    if (a.evidence && a.evidence.length) {
      const table = el('table', { class: 'evidence', id: 'evidence' },
        el('thead', null, el('tr', null, el('th', { text: 'Rule' }), el('th', { text: 'Where' }),
          el('th', { text: 'Redacted preview' }), el('th', { text: 'Keyed hash' }), el('th', { text: 'Confidence' }))));
      const tb = el('tbody');
      for (const f of a.evidence) {
        const where = [f.field, f.line ? 'line ' + f.line + (f.column ? ':' + f.column : '') : null].filter(Boolean).join(', ');
        tb.appendChild(el('tr', null, el('td', { text: f.rule_id }), el('td', { text: where }),
          el('td', null, el('code', { text: f.redacted_preview })),
          el('td', { class: 'hash', title: f.keyed_hash }, el('code', { text: f.keyed_hash })),
          el('td', { text: Math.round(f.confidence * 100) + '%' })));
      }
      table.appendChild(tb);
      left.appendChild(el('div', { class: 'card' }, el('h3', { text: 'Evidence' }),
        el('p', { class: 'muted', text: 'Values are never stored: only a redacted preview and a keyed hash (equal values give equal hashes).' }),
        table));
    }

    if (a.code_match) {
      const m = a.code_match;
      const dl = el('dl', { class: 'facts', id: 'code-match' });
      fact(dl, 'Repository', m.repo);
      fact(dl, 'Source file', el('code', { text: m.source_path }));
      fact(dl, 'Source lines', m.source_start_line + '–' + m.source_end_line);
      fact(dl, 'Lines in the sent text', m.probe_start_line + '–' + m.probe_end_line);
      fact(dl, 'Similarity', Math.round(m.similarity * 100) + '% (' + m.matched_fingerprints + ' fingerprints' +
        (m.contiguous ? ', one contiguous run' : '') + ')');
      if (a.code_url) fact(dl, 'Code host', el('a', { href: a.code_url, target: '_blank', rel: 'noopener noreferrer', text: 'Open the matched lines' }));
      left.appendChild(el('div', { class: 'card' }, el('h3', { text: 'Own-code match' }), dl));
    }

    left.appendChild(renderTimeline(a));
    right.appendChild(renderTriage(a));
    right.appendChild(renderComments(a));
    right.appendChild(renderHistory(a));
    for (const [id, value] of Object.entries(drafts)) {
      const input = $(id);
      if (input) {
        input.value = value;
        input.dataset.touched = '1';
      }
    }
    for (const id of ['comment', 'suppress-reason', 'assignee', 'suppress-for']) {
      const input = $(id);
      if (input) input.addEventListener('input', () => { input.dataset.touched = '1'; });
    }
  }

  function renderTimeline(a) {
    const ul = el('ul', { class: 'timeline', id: 'timeline' });
    for (const item of a.timeline || []) {
      if (item.type === 'alert') {
        ul.appendChild(el('li', { class: 'alert' + (item.current ? ' current' : '') },
          el('div', { class: 'meta', text: fmtTime(item.time) + ' · alert · ' + item.detector }),
          item.current ? el('strong', { text: item.title }) :
            el('a', { href: '#/alerts/' + encodeURIComponent(item.alert_id), text: item.title }),
          ' ', sevBadge(item.severity)));
      } else {
        const what = [item.kind, item.tool, item.destination ? '→ ' + item.destination : null,
          item.file_path].filter(Boolean).join(' ');
        const li = el('li', { class: item.alerts && item.alerts.length ? 'trigger' : null },
          el('div', { class: 'meta', text: fmtTime(item.time) + ' · ' + item.source +
            (item.bytes >= 0 ? ' · ' + item.bytes + ' bytes' : '') }),
          el('span', { text: what }),
          item.alerts && item.alerts.length ? el('span', { class: 'muted', text: ' · triggered ' + item.alerts.length + ' alert(s)' }) : null);
        ul.appendChild(li);
      }
    }
    return el('div', { class: 'card' }, el('h3', { text: 'Session timeline' }),
      (a.timeline || []).length ? ul : el('p', { class: 'muted', text: 'No session events recorded for this alert.' }),
      a.session_id ? el('a', { href: '#/sessions/' + encodeURIComponent(a.session_id), text: 'Open the whole session →' }) : null);
  }

  // ---- session timeline -------------------------------------------------------------------------

  async function loadSession(id) {
    const view = $('view-session');
    try {
      const t = await api('GET', '/api/sessions/' + encodeURIComponent(id) + '/timeline');
      if (state.currentSession !== id) return;
      renderSession(t);
    } catch (e) {
      clear(view).appendChild(el('p', { class: 'error', text: e.status === 404 ? 'Nothing recorded for this session.' : e.message }));
    }
  }

  function alertChip(a) {
    return el('a', { class: 'placed-alert', href: '#/alerts/' + encodeURIComponent(a.alert_id) },
      sevBadge(a.severity), ' ', a.title, ' ', el('span', { class: 'muted', text: a.detector + ' · ' + a.status.toLowerCase() }));
  }

  function renderSession(t) {
    const view = clear($('view-session'));
    view.appendChild(el('a', { href: '#/alerts', class: 'back', text: '← Back to the feed' }));
    view.appendChild(el('div', { class: 'detail-head' }, el('h2', { id: 'session-title' }, 'Session ', el('code', { text: t.session_id }))));
    view.appendChild(el('p', { class: 'muted', id: 'session-summary', text: t.events_total + ' events, ' + t.alerts_total + ' alerts' +
      (t.first_seen ? ', ' + fmtTime(t.first_seen) + ' – ' + fmtTime(t.last_seen) : '') }));
    const table = el('table', { class: 'alerts session-events', id: 'session-events' },
      el('thead', null, el('tr', null, ['Time', 'Kind', 'Tool', 'Destination / file', 'Size', 'Findings', 'Alerts']
        .map((h) => el('th', { text: h })))));
    const tb = el('tbody');
    for (const e of t.events) {
      tb.appendChild(el('tr', { class: e.alerts.length ? 'trigger' : null, 'data-event-id': e.event_id },
        el('td', { text: fmtTime(e.time) }),
        el('td', { text: e.kind }),
        el('td', { text: e.tool || '' }),
        el('td', null, e.destination ? el('span', { text: '→ ' + e.destination }) : null,
          e.destination && e.file_path ? ' ' : null, e.file_path ? el('code', { text: e.file_path }) : null),
        el('td', { text: e.bytes >= 0 ? e.bytes + ' B' : '' }),
        el('td', { text: e.findings ? String(e.findings) : '' }),
        el('td', null, e.alerts.map(alertChip))));
    }
    table.appendChild(tb);
    view.appendChild(el('div', { class: 'card' }, el('h3', { text: 'Every event, in order' }),
      el('p', { class: 'muted', text: 'Only what each event was and where it went: never its content. Alerts are shown on the events that triggered them.' }),
      t.events.length ? table : el('p', { class: 'muted', text: 'No events of this session are kept (see alerts.session-events.*).' })));
    if (t.unplaced_alerts.length) {
      view.appendChild(el('div', { class: 'card', id: 'session-unplaced' }, el('h3', { text: 'Alerts not tied to a kept event' }),
        el('ul', { class: 'plain-list' }, t.unplaced_alerts.map((a) => el('li', null, fmtTime(a.first_seen), ' ', alertChip(a))))));
    }
  }

  function renderTriage(a) {
    const card = el('div', { class: 'card', id: 'triage' }, el('h3', { text: 'Triage' }));
    const t = a.triage || {};
    const info = el('dl', { class: 'facts' });
    fact(info, 'Status', statusBadge(a.status));
    fact(info, 'Assignee', t.assignee || 'unassigned');
    if (t.suppressed_until && a.status === 'SUPPRESSED') fact(info, 'Suppressed until', fmtTime(t.suppressed_until));
    if (t.suppress_reason && a.status === 'SUPPRESSED') fact(info, 'Reason', t.suppress_reason);
    if (t.updated_by) fact(info, 'Last change', t.updated_by + ', ' + fmtTime(t.updated_at));
    card.appendChild(info);
    const msg = el('p', { class: 'triage-msg error', id: 'triage-msg' });
    if (!state.session.can_triage) {
      card.appendChild(el('p', { class: 'muted', text: 'Your role (' + state.session.role + ') can view but not triage alerts.' }));
      return card;
    }
    const act = (body) => triage(a.alert_id, body, msg);
    const actions = el('div', { class: 'triage-actions' },
      el('button', { id: 'btn-acknowledge', class: 'primary', disabled: a.status === 'ACKNOWLEDGED', onclick: () => act({ action: 'acknowledge' }), text: 'Acknowledge' }),
      el('button', { id: 'btn-resolve', disabled: a.status === 'RESOLVED', onclick: () => act({ action: 'resolve' }), text: 'Resolve' }),
      el('button', { id: 'btn-reopen', disabled: a.status === 'OPEN', onclick: () => act({ action: 'reopen' }), text: 'Reopen' }));
    card.appendChild(actions);

    const duration = el('select', { id: 'suppress-for', 'aria-label': 'Suppress for' },
      el('option', { value: '3600000', text: '1 hour' }), el('option', { value: '86400000', text: '1 day', selected: true }),
      el('option', { value: '604800000', text: '7 days' }), el('option', { value: '2592000000', text: '30 days' }));
    const reason = el('input', { id: 'suppress-reason', placeholder: 'Reason (required)', maxlength: 500 });
    card.appendChild(el('div', { class: 'triage-form' }, el('label', { text: 'Suppress (mutes sinks until it expires)' }),
      el('div', { class: 'row' }, duration, reason,
        el('button', { id: 'btn-suppress', onclick: () => act({ action: 'suppress', until: new Date(Date.now() + Number(duration.value)).toISOString(), reason: reason.value }), text: 'Suppress' }))));

    const assignee = el('input', { id: 'assignee', placeholder: 'User name', maxlength: 128, value: t.assignee || '' });
    card.appendChild(el('div', { class: 'triage-form' }, el('label', { text: 'Assign' }),
      el('div', { class: 'row' }, assignee,
        el('button', { id: 'btn-assign', onclick: () => act({ action: 'assign', assignee: assignee.value }), text: 'Assign' }),
        el('button', { id: 'btn-assign-me', class: 'ghost', onclick: () => act({ action: 'assign', assignee: state.session.user }), text: 'Me' }))));

    const comment = el('textarea', { id: 'comment', rows: 3, maxlength: 4000, placeholder: 'Add a comment (credentials are redacted automatically)' });
    card.appendChild(el('div', { class: 'triage-form' }, el('label', { text: 'Comment' }), comment,
      el('div', null, el('button', { id: 'btn-comment', onclick: () => act({ action: 'comment', text: comment.value }), text: 'Add comment' }))));
    card.appendChild(msg);
    return card;
  }

  async function triage(id, body, msg) {
    msg.textContent = '';
    try {
      const updated = await api('POST', '/api/alerts/' + encodeURIComponent(id) + '/triage', body);
      for (const input of document.querySelectorAll('#triage [data-touched]')) delete input.dataset.touched;
      if (state.alerts.has(id)) state.alerts.set(id, updated);
      queueRender();
      await loadDetail(id);
    } catch (e) {
      msg.textContent = e.message;
    }
  }

  function renderComments(a) {
    const list = el('ul', { class: 'comments', id: 'comments' });
    for (const c of (a.triage && a.triage.comments) || []) {
      list.appendChild(el('li', null, el('div', { class: 'meta', text: c.author + ' · ' + fmtTime(c.at) }), c.text));
    }
    return el('div', { class: 'card' }, el('h3', { text: 'Comments' }),
      list.childNodes.length ? list : el('p', { class: 'muted', text: 'No comments yet.' }));
  }

  function renderHistory(a) {
    const list = el('ul', { class: 'history', id: 'history' });
    for (const h of (a.triage && a.triage.history) || []) {
      list.appendChild(el('li', null, el('span', { class: 'meta', text: fmtTime(h.at) + ' ' }),
        el('strong', { text: h.actor }), ' ' + h.action.toLowerCase() + (h.detail ? ': ' + h.detail : '')));
    }
    return el('div', { class: 'card' }, el('h3', { text: 'History' }),
      list.childNodes.length ? list : el('p', { class: 'muted', text: 'No triage actions yet.' }));
  }

  // ---- overview ---------------------------------------------------------------------------------

  async function loadOverview() {
    const p = new URLSearchParams();
    p.set('from', new Date(Date.now() - RANGES[$('o-range').value]).toISOString());
    p.set('to', new Date().toISOString());
    const o = await api('GET', '/api/overview?' + p.toString());
    const tiles = clear($('tiles'));
    tiles.appendChild(el('div', { class: 'tile' }, el('div', { class: 'n', text: String(o.total) }), el('div', { class: 'l', text: 'Alerts' })));
    for (const s of ['OPEN', 'ACKNOWLEDGED', 'SUPPRESSED', 'RESOLVED']) {
      tiles.appendChild(el('div', { class: 'tile' }, el('div', { class: 'n', text: String(o.by_status[s] || 0) }),
        el('div', { class: 'l', text: s.toLowerCase() })));
    }
    for (const s of ['CRITICAL', 'HIGH']) {
      tiles.appendChild(el('div', { class: 'tile' }, el('div', { class: 'n', text: String(o.by_severity[s] || 0) }),
        el('div', { class: 'l', text: s.toLowerCase() })));
    }
    drawTimeChart($('chart-time'), o);
    drawBars($('chart-users'), o.top_users);
    drawBars($('chart-repos'), o.top_repos);
    drawBars($('chart-destinations'), o.top_destinations);
    drawBars($('chart-rules'), o.top_rules);
  }

  function drawTimeChart(node, o) {
    clear(node);
    const n = (o.series.INFO || []).length;
    const W = 1000, H = 240, L = 40, B = 28, T = 10;
    const totals = new Array(n).fill(0);
    for (const s of SEVERITIES) (o.series[s] || []).forEach((c, i) => { totals[i] += c; });
    // Integer grid lines: four equal steps that cover the tallest bar.
    const step = Math.max(1, Math.ceil(Math.max(1, ...totals) / 4));
    const max = step * 4;
    const bw = (W - L - 10) / Math.max(1, n);
    const chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'Alerts over time by severity' });
    for (let g = 0; g <= 4; g++) {
      const y = T + (H - T - B) * (1 - g / 4);
      chart.appendChild(svg('line', { x1: L, x2: W - 10, y1: y, y2: y, stroke: '#e3e8ef' }));
      chart.appendChild(svg('text', { x: L - 6, y: y + 4, 'text-anchor': 'end' }, String(step * g)));
    }
    for (let i = 0; i < n; i++) {
      let y = H - B;
      for (const s of SEVERITIES.slice().reverse()) {
        const c = (o.series[s] || [])[i] || 0;
        if (!c) continue;
        const h = (H - T - B) * c / max;
        y -= h;
        chart.appendChild(svg('rect', { x: L + i * bw + 1, y: y, width: Math.max(1, bw - 2), height: h, fill: SEV_COLORS[s] },
          svg('title', {}, s + ': ' + c)));
      }
    }
    const start = new Date(o.bucket_start).getTime();
    const labels = Math.min(6, n);
    for (let k = 0; k < labels; k++) {
      const i = Math.floor(k * (n - 1) / Math.max(1, labels - 1));
      const d = new Date(start + i * o.bucket_ms);
      const text = o.bucket_ms >= 864e5 ? (d.getMonth() + 1) + '/' + d.getDate() : pad(d.getHours()) + ':' + pad(d.getMinutes());
      chart.appendChild(svg('text', { x: L + i * bw + bw / 2, y: H - 8, 'text-anchor': 'middle' }, text));
    }
    node.appendChild(chart);
    const legend = el('div', { class: 'legend' });
    for (const s of SEVERITIES) legend.appendChild(el('span', { class: s, text: s.toLowerCase() }));
    node.appendChild(legend);
  }

  function drawBars(node, entries) {
    clear(node);
    if (!entries || !entries.length) {
      node.appendChild(el('p', { class: 'muted', text: 'No data.' }));
      return;
    }
    const W = 500, row = 24, H = entries.length * row + 4, label = 210;
    const max = Math.max(...entries.map((e) => e.count));
    const chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img' });
    entries.forEach((e, i) => {
      const y = i * row + 2;
      const w = (W - label - 40) * e.count / max;
      const name = e.key.length > 34 ? e.key.slice(0, 33) + '…' : e.key;
      chart.appendChild(svg('text', { x: 0, y: y + 15, class: 'bar-label' }, name, svg('title', {}, e.key)));
      chart.appendChild(svg('rect', { x: label, y: y + 3, width: Math.max(2, w), height: row - 8, rx: 3, fill: '#2f6fed' }));
      chart.appendChild(svg('text', { x: label + w + 6, y: y + 15 }, String(e.count)));
    });
    node.appendChild(chart);
  }

  // ---- admin ------------------------------------------------------------------------------------

  async function loadAdmin() {
    const [sinks, audit] = await Promise.all([api('GET', '/api/admin/sinks'), api('GET', '/api/admin/audit?limit=200')]);
    const sb = clear(document.querySelector('#sinks-table tbody'));
    if (!sinks.length) sb.appendChild(el('tr', null, el('td', { colspan: 7, class: 'muted', text: 'No sinks configured.' })));
    for (const s of sinks) {
      sb.appendChild(el('tr', null, el('td', { text: s.name }), el('td', { text: s.type }), el('td', { text: String(s.pending) }),
        el('td', { text: String(s.delivered) }), el('td', { text: String(s.dead_lettered) }),
        el('td', { text: fmtTime(s.last_delivered_at) }),
        el('td', { class: s.last_error ? 'error' : null, text: s.last_error ? s.last_error + ' (' + fmtTime(s.last_error_at) + ')' : '' })));
    }
    const ab = clear(document.querySelector('#audit-table tbody'));
    for (const e of audit) {
      ab.appendChild(el('tr', null, el('td', { text: fmtTime(e.at) }), el('td', { text: e.actor }), el('td', { text: e.role || '' }),
        el('td', { text: e.action }), el('td', { text: e.target || '' }), el('td', { text: e.outcome }),
        el('td', { text: e.remote_address || '' })));
    }
  }

  // ---- routing ----------------------------------------------------------------------------------

  function showView(name) {
    for (const v of ['feed', 'detail', 'session', 'overview', 'admin']) $('view-' + v).classList.toggle('hidden', v !== name);
    $('nav-alerts').classList.toggle('active', name === 'feed' || name === 'detail' || name === 'session');
    $('nav-overview').classList.toggle('active', name === 'overview');
    $('nav-admin').classList.toggle('active', name === 'admin');
  }

  function route() {
    if (!state.session) return;
    const hash = location.hash || '#/alerts';
    const detail = hash.match(/^#\/alerts\/(.+)$/);
    if (detail) {
      state.currentDetail = decodeURIComponent(detail[1]);
      showView('detail');
      clear($('view-detail')).appendChild(el('p', { class: 'muted', text: 'Loading…' }));
      if (!state.source) loadFeed();
      loadDetail(state.currentDetail);
      return;
    }
    state.currentDetail = null;
    const session = hash.match(/^#\/sessions\/(.+)$/);
    if (session) {
      state.currentSession = decodeURIComponent(session[1]);
      showView('session');
      clear($('view-session')).appendChild(el('p', { class: 'muted', text: 'Loading…' }));
      loadSession(state.currentSession);
      return;
    }
    state.currentSession = null;
    if (hash === '#/overview') {
      showView('overview');
      loadOverview().catch((e) => { clear($('tiles')).appendChild(el('p', { class: 'error', text: e.message })); });
    } else if (hash === '#/admin') {
      showView('admin');
      loadAdmin().catch(() => { location.hash = '#/alerts'; });
    } else {
      showView('feed');
      if (!state.source) loadFeed();
      else renderFeed();
    }
  }

  async function start() {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', logout);
    $('filters').addEventListener('change', filtersChanged);
    $('f-q').addEventListener('input', filtersChanged);
    $('filters').addEventListener('submit', (e) => e.preventDefault());
    $('f-reset').addEventListener('click', resetFilters);
    $('o-range').addEventListener('change', () => loadOverview());
    window.addEventListener('hashchange', route);
    setInterval(() => { if (!$('view-feed').classList.contains('hidden')) renderFeed(); }, 30000);
    try {
      state.session = await api('GET', '/api/session');
      showApp();
      await loadFacets();
      route();
    } catch (e) {
      showLogin(e.status === 401 ? '' : e.message);
    }
  }

  document.addEventListener('DOMContentLoaded', start);
}());
