// Freshet's web UI: one page, five views drawn from the server's own JSON. No framework, no build
// step, nothing from the network but this server.
'use strict';

(function () {
  const page = document.getElementById('page');
  const views = { overview, definitions, lineage, freshness, tryIt };
  let timer = null;

  // ---- talking to the server ----

  function token() {
    const match = document.cookie.match(/(?:^|;\s*)freshet-token=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function headers(extra) {
    const all = Object.assign({}, extra || {});
    if (token()) {
      all.Authorization = 'Bearer ' + token();
    }
    return all;
  }

  /** A failure in words: what the server said, or that it did not answer. */
  class Failure extends Error {}

  async function call(path, options) {
    let response;
    try {
      response = await fetch(path, Object.assign({}, options || {}, { headers: headers(options && options.headers) }));
    } catch (e) {
      throw new Failure('The server does not answer (' + path + '): it may be down or restarting.');
    }
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const said = body && body.message ? body.message : text.slice(0, 300);
      if (response.status === 401) {
        throw new Failure('The server needs a token for ' + path + ' (401): ' + said);
      }
      if (response.status === 403) {
        throw new Failure('The server refuses ' + path + ' (403): ' + said);
      }
      throw new Failure(path + ' answered ' + response.status + ': ' + said);
    }
    return { body, text };
  }

  async function json(path, options) {
    return (await call(path, options)).body;
  }

  // ---- drawing ----

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== undefined && value !== null) {
        node.setAttribute(name, value);
      }
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }

  function svg(tag, attributes) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      node.setAttribute(name, value);
    }
    return node;
  }

  function failure(e) {
    return el('p', { class: 'error', id: 'failure' }, e instanceof Failure ? e.message : 'The page failed: ' + e);
  }

  function table(head, rows, attributes) {
    return el('table', attributes || {},
      el('thead', {}, el('tr', {}, head.map((h) => el('th', {}, h)))),
      el('tbody', {}, rows));
  }

  function link(kind, name) {
    return el('a', { href: '#definitions/' + kind + '/' + name }, name);
  }

  // ---- the registry, as the page reads it ----

  let registryCache = null;

  async function registry() {
    if (!registryCache) {
      const d = await json('/ui/api/definitions');
      d.entities = d.entities || [];
      d.data_sources = d.data_sources || [];
      d.feature_views = d.feature_views || [];
      d.stream_feature_views = d.stream_feature_views || [];
      d.on_demand_feature_views = d.on_demand_feature_views || [];
      d.feature_services = d.feature_services || [];
      registryCache = d;
    }
    return registryCache;
  }

  /** Every definition with what it uses: [kind, name, [[kind, name], ...]]. */
  function uses(d) {
    const all = [];
    const sourceKind = (name) => 'source';
    d.entities.forEach((e) => all.push(['entity', e.name, []]));
    d.data_sources.forEach((s) => all.push(['source', s.name, s.batch_source ? [[sourceKind(s.batch_source), s.batch_source]] : []]));
    d.feature_views.forEach((v) => all.push(['view', v.name,
      v.entities.map((e) => ['entity', e]).concat([['source', v.source]])]));
    d.stream_feature_views.forEach((v) => all.push(['stream', v.name, [['source', v.source], ['view', v.target_view]]]));
    d.on_demand_feature_views.forEach((v) => all.push(['ondemand', v.name,
      v.inputs.map((i) => [i.kind === 'request_source' ? 'source' : 'view', i.name])]));
    const onDemand = new Set(d.on_demand_feature_views.map((v) => v.name));
    d.feature_services.forEach((s) => all.push(['service', s.name,
      s.selections.map((x) => [onDemand.has(x.feature_view) ? 'ondemand' : 'view', x.feature_view])]));
    return all;
  }

  function usedBy(d, kind, name) {
    return uses(d).filter(([, , used]) => used.some(([k, n]) => k === kind && n === name)).map(([k, n]) => [k, n]);
  }

  // ---- Overview ----

  async function overview() {
    const [o, health] = await Promise.all([json('/ui/api/overview'), healthOf()]);
    const card = (label, value, id) => el('div', { class: 'card' }, el('div', { class: 'label' }, label), el('div', { id }, value));
    const components = health.details ? Object.entries(health.details) : [];
    return el('section', {},
      el('h2', {}, 'Overview'),
      el('div', { class: 'cards' },
        card('project', o.project, 'project'),
        card('online store', o.online_store, 'online-store'),
        card('registry', o.registry, 'registry'),
        card('role', o.role, 'role'),
        card('version', o.version, 'version'),
        card('health', el('span', { class: health.status === 'UP' ? 'up' : 'down' }, health.status), 'health')),
      el('h3', {}, 'Definitions'),
      table(['entities', 'data sources', 'feature views', 'stream feature views', 'on-demand feature views', 'feature services'],
        [el('tr', { id: 'counts' }, [o.counts.entities, o.counts.data_sources, o.counts.feature_views,
          o.counts.stream_feature_views, o.counts.on_demand_feature_views, o.counts.feature_services]
          .map((c) => el('td', {}, c)))]),
      el('h3', {}, 'Health of its parts'),
      components.length
        ? table(['part', 'status', 'details'], components.map(([name, part]) => el('tr', {},
          el('td', {}, name), el('td', { class: part.status === 'UP' ? 'up' : 'down' }, part.status),
          el('td', {}, part.details ? JSON.stringify(part.details) : ''))))
        : el('p', { class: 'muted' }, 'This server shows the details of its health (online store, stream ingestion) only with the management token.'));
  }

  async function healthOf() {
    // /health answers 503 with its body when something is down: read it either way.
    try {
      const response = await fetch('/health', { headers: headers() });
      const body = await response.json();
      return body;
    } catch (e) {
      return { status: 'DOWN (no answer)' };
    }
  }

  // ---- Definitions ----

  async function definitions(focus) {
    const d = await registry();
    const search = el('input', { id: 'search', type: 'search', placeholder: 'search every name', size: 30 });
    const list = el('div', { id: 'definition-list' });
    const sections = [
      ['Entities', 'entity', d.entities, (e) => ['join keys ' + e.join_keys.map((k) => k.name + ' ' + k.type).join(', ')]],
      ['Data sources', 'source', d.data_sources, describeSource],
      ['Feature views', 'view', d.feature_views, (v) => [
        'ttl ' + v.ttl + (v.online ? ', online' : ', offline') + (v.schedule ? ', materialized every ' + v.schedule : ''),
        'features: ' + v.features.map((f) => f.name + ' ' + f.type + (f.nullable ? ' (nullable)' : '')).join(', '),
        d.materialized && d.materialized[v.name]
          ? 'last materialized into this store: ' + d.materialized[v.name].start + ' to ' + d.materialized[v.name].end
          : 'not materialized into this store yet']],
      ['Stream feature views', 'stream', d.stream_feature_views, (v) => v.aggregations.map((a) =>
        a.feature + ' = ' + (a.function ? a.function + '(' + a.column + ') over ' + a.window + ' every ' + a.slide : a.column))],
      ['On-demand feature views', 'ondemand', d.on_demand_feature_views, (v) => [
        'computed ' + (v.write_to_online_store ? 'when ' + v.inputs[0].name + ' is written, and stored' : 'at request time')
          + ' from ' + v.inputs.map((i) => i.name + (i.kind === 'request_source' ? ' (request)' : '')).join(', '),
        'features: ' + v.features.map((f) => f.name + ' ' + f.type + (f.nullable ? ' (nullable)' : '')).join(', ')]],
      ['Feature services', 'service', d.feature_services, (s) => s.selections.map((x) =>
        x.feature_view + (x.alias ? ' as ' + x.alias : '') + ': ' + x.features.join(', '))],
    ];
    for (const [title, kind, items, describe] of sections) {
      list.append(el('h3', {}, title + ' (' + items.length + ')'));
      for (const item of items) {
        const used = (uses(d).find(([k, n]) => k === kind && n === item.name) || [, , []])[2];
        const by = usedBy(d, kind, item.name);
        const extra = [item.description ? 'description: ' + item.description : null,
          item.owner ? 'owner: ' + item.owner : null,
          item.tags && Object.keys(item.tags).length ? 'tags: ' + JSON.stringify(item.tags) : null].filter((x) => x);
        list.append(el('div', { class: 'definition', id: 'def-' + kind + '-' + item.name, 'data-name': item.name, 'data-kind': kind },
          el('span', { class: 'name' }, item.name), ' ', el('span', { class: 'muted' }, kind),
          describe(item).concat(extra).map((line) => el('div', {}, line)),
          used.length ? el('div', {}, 'uses ', joinLinks(used)) : null,
          by.length ? el('div', {}, 'used by ', joinLinks(by)) : null));
      }
    }
    search.addEventListener('input', () => {
      const q = search.value.trim().toLowerCase();
      for (const item of list.querySelectorAll('.definition')) {
        item.hidden = q !== '' && !item.dataset.name.toLowerCase().includes(q);
      }
    });
    const section = el('section', {}, el('h2', {}, 'Definitions'), search, list);
    if (focus) {
      setTimeout(() => {
        const target = document.getElementById('def-' + focus);
        if (target) {
          target.scrollIntoView();
          target.style.outline = '2px solid #5fb3ff';
        }
      }, 0);
    }
    return section;
  }

  function joinLinks(pairs) {
    const out = [];
    pairs.forEach(([k, n], i) => {
      if (i > 0) {
        out.push(', ');
      }
      out.push(link(k, n));
    });
    return out;
  }

  function describeSource(s) {
    if (s.kind === 'file') {
      return ['file ' + s.path + ', timestamp ' + s.timestamp_field + (s.created_timestamp_column ? ', created ' + s.created_timestamp_column : '')];
    }
    if (s.kind === 'push') {
      return ['push, batch source ' + s.batch_source];
    }
    if (s.kind === 'kafka') {
      return ['kafka topic ' + s.topic + ', ' + s.format + ', watermark delay ' + s.watermark_delay,
        'fields: ' + (s.fields || []).map((f) => f.name + ' ' + f.type).join(', ')];
    }
    if (s.kind === 'request') {
      return ['request values, sent beside the join keys: ' + (s.fields || []).map((f) => f.name + ' ' + f.type).join(', ')];
    }
    return [s.kind];
  }

  // ---- Lineage ----

  async function lineage() {
    const d = await registry();
    const nodes = new Map();
    const add = (kind, name) => {
      const id = kind + ':' + name;
      if (!nodes.has(id)) {
        nodes.set(id, { id, kind, name, depth: 0, inputs: [] });
      }
      return nodes.get(id);
    };
    for (const [kind, name, used] of uses(d)) {
      if (kind === 'entity') {
        continue;
      }
      const node = add(kind, name);
      for (const [k, n] of used) {
        if (k === 'entity' || (kind === 'stream' && k === 'view')) {
          continue;
        }
        node.inputs.push(add(k, n));
      }
    }
    // A stream view feeds the view it writes: source -> stream view -> view.
    for (const v of d.stream_feature_views) {
      add('view', v.target_view).inputs.push(add('stream', v.name));
    }
    // Columns by the longest path from a node with no inputs.
    let changed = true;
    for (let round = 0; changed && round < nodes.size + 1; round++) {
      changed = false;
      for (const node of nodes.values()) {
        for (const input of node.inputs) {
          if (node.depth < input.depth + 1) {
            node.depth = input.depth + 1;
            changed = true;
          }
        }
      }
    }
    // Services last, whatever they select, so that they read as the graph's outputs.
    const deepest = Math.max(0, ...[...nodes.values()].filter((n) => n.kind !== 'service').map((n) => n.depth));
    for (const node of nodes.values()) {
      if (node.kind === 'service') {
        node.depth = deepest + 1;
      }
    }
    // An edge that skips columns passes through a waypoint of its own in each column it crosses,
    // which takes a slot there as a box does: so no edge runs behind a box it does not touch.
    const edges = [];
    const waypoints = [];
    for (const node of nodes.values()) {
      for (const input of node.inputs) {
        const via = [];
        let previous = input;
        for (let depth = input.depth + 1; depth < node.depth; depth++) {
          const point = { id: 'via:' + waypoints.length, waypoint: true, depth, name: '', inputs: [previous] };
          waypoints.push(point);
          via.push(point);
          previous = point;
        }
        edges.push({ from: input, to: node, via });
      }
    }
    const columns = [];
    for (const node of [...nodes.values(), ...waypoints]) {
      (columns[node.depth] = columns[node.depth] || []).push(node);
    }
    for (let c = 0; c < columns.length; c++) {
      columns[c] = columns[c] || []; // a registry of services only leaves column 0 empty
    }
    // Order each column by where its inputs stand, so that edges cross less.
    const place = new Map();
    columns.forEach((column, c) => {
      if (c > 0) {
        const at = (n) => n.inputs.length ? n.inputs.reduce((s, i) => s + (place.get(i.id) || 0), 0) / n.inputs.length : 0;
        column.sort((a, b) => at(a) - at(b) || a.name.localeCompare(b.name));
      } else {
        column.sort((a, b) => a.name.localeCompare(b.name));
      }
      column.forEach((n, i) => place.set(n.id, i));
    });
    // Each column as wide as its longest name (monospace: 7.4 px a character at 12 px, with room),
    // so that one long name does not widen every column; the kind goes under the name, not beside.
    const widths = columns.map((column) => Math.max(110, ...column.filter((n) => !n.waypoint).map((n) => n.name.length * 7.4 + 18)));
    const height = 38, gapX = 50, gapY = 12;
    const lefts = widths.map((w, c) => widths.slice(0, c).reduce((sum, x) => sum + x + gapX, 5));
    const rows = Math.max(1, ...columns.map((c) => c.length));
    const picture = svg('svg', { id: 'lineage', width: widths.reduce((sum, w) => sum + w + gapX, 0), height: rows * (height + gapY) + 10 });
    const position = (n) => ({ x: lefts[n.depth], y: place.get(n.id) * (height + gapY) + 5, width: widths[n.depth] });
    const curve = (x1, y1, x2, y2) => `C${x1 + gapX / 2},${y1} ${x2 - gapX / 2},${y2} ${x2},${y2}`;
    for (const edge of edges) {
      const a = position(edge.from);
      let x = a.x + a.width, y = a.y + height / 2;
      let d = `M${x},${y}`;
      for (const point of edge.via) {
        const p = position(point), middle = p.y + height / 2;
        d += ` ${curve(x, y, p.x, middle)} L${p.x + p.width},${middle}`;
        x = p.x + p.width;
        y = middle;
      }
      const b = position(edge.to);
      d += ` ${curve(x, y, b.x, b.y + height / 2)}`;
      picture.append(svg('path', { class: 'edge', d, 'data-from': edge.from.id, 'data-to': edge.to.id }));
    }
    for (const node of nodes.values()) {
      const p = position(node);
      const group = svg('g', { class: 'node kind-' + node.kind, 'data-node': node.id });
      group.append(svg('rect', { x: p.x, y: p.y, width: p.width, height }));
      const name = svg('text', { x: p.x + 8, y: p.y + 16 });
      name.textContent = node.name;
      const kind = svg('text', { x: p.x + 8, y: p.y + 31, class: 'kind' });
      kind.textContent = node.kind === 'stream' ? 'stream view' : node.kind === 'ondemand' ? 'on-demand view' : node.kind;
      group.append(name, kind);
      const anchor = svg('a', { href: '#definitions/' + node.kind + '/' + node.name });
      anchor.append(group);
      picture.append(anchor);
    }
    return el('section', {}, el('h2', {}, 'Lineage'),
      el('p', { class: 'muted' }, 'source → view → service, Kafka source → stream view → view, and view and request source → on-demand view → service; each box opens its definition.'),
      el('div', { style: 'overflow:auto' }, picture));
  }

  // ---- Freshness ----

  const history = new Map(); // metric series -> [values], newest last

  function parseMetrics(text) {
    const samples = [];
    for (const line of text.split('\n')) {
      const m = line.match(/^(freshet_stream_[a-z_]+)(\{[^}]*\})?\s+(\S+)/);
      if (m) {
        const labels = {};
        (m[2] || '').replace(/(\w+)="([^"]*)"/g, (all, k, v) => { labels[k] = v; });
        samples.push({ name: m[1], labels, value: Number(m[3]) });
      }
    }
    return samples;
  }

  function spark(values) {
    const picture = svg('svg', { class: 'spark', width: 160, height: 28 });
    if (values.length > 1) {
      const max = Math.max(...values.map((v) => (isFinite(v) ? v : 0)), 1);
      const points = values.map((v, i) => (i * 160) / (values.length - 1) + ',' + (26 - (24 * (isFinite(v) ? v : 0)) / max));
      picture.append(svg('polyline', { points: points.join(' ') }));
    }
    return picture;
  }

  async function freshness() {
    const d = await registry();
    const section = el('section', {}, el('h2', {}, 'Freshness'));
    const rows = d.feature_views.map((v) => el('tr', { 'data-view': v.name },
      el('td', {}, link('view', v.name)),
      el('td', {}, d.materialized && d.materialized[v.name] ? d.materialized[v.name].start + ' to ' + d.materialized[v.name].end : 'not yet'),
      el('td', { class: 'schedule' }, v.schedule || 'none'),
      el('td', { class: 'next-run' }, ''), el('td', { class: 'runs' }, '')));
    section.append(el('h3', {}, 'Batch materialization into this store'),
      table(['view', 'last materialized interval', 'schedule', 'next run', 'latest runs'], rows, { id: 'batch-freshness' }));
    try {
      const schedules = await json('/schedules');
      for (const v of schedules.views || []) {
        const row = section.querySelector('tr[data-view="' + v.view + '"]');
        if (row) {
          // The schedule the server runs, which its configuration may set apart from the view's.
          row.querySelector('.schedule').textContent = v.schedule;
          row.querySelector('.next-run').textContent = v.next_run || '';
          row.querySelector('.runs').textContent = (v.runs || []).slice(0, 3)
            .map((r) => r.started + ' ' + r.outcome).join('; ');
        }
      }
      if (!schedules.enabled) {
        section.append(el('p', { class: 'muted' }, 'This server runs no scheduled materialization.'));
      }
    } catch (e) {
      section.append(failure(e));
    }
    const streams = d.stream_feature_views;
    section.append(el('h3', {}, 'Stream feature views (the last minutes, updated every 2 s)'));
    if (!streams.length) {
      section.append(el('p', { class: 'muted' }, 'No stream feature views are defined.'));
      return section;
    }
    const streamTable = table(['stream view', 'consumer lag', 'events consumed', 'late', 'expired', 'malformed', 'freshness (mean, s)'],
      streams.map((v) => el('tr', { 'data-stream': v.name },
        el('td', {}, link('stream', v.name)),
        ['lag', 'consumed', 'late', 'expired', 'skipped', 'freshness'].map((c) => el('td', { class: c }, el('span', { class: 'value' }, '…'), el('div', { class: 'chart' }))))),
      { id: 'stream-freshness' });
    const status = el('p', { class: 'muted', id: 'stream-status' }, 'reading /metrics …');
    section.append(streamTable, status);
    const update = async () => {
      try {
        const samples = parseMetrics((await call('/metrics')).text);
        const value = (name, labels) => {
          const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
          return found.length ? found.reduce((sum, s) => sum + s.value, 0) : NaN;
        };
        for (const v of streams) {
          const row = streamTable.querySelector('tr[data-stream="' + v.name + '"]');
          const sum = value('freshet_stream_freshness_seconds_sum', { view: v.name });
          const count = value('freshet_stream_freshness_seconds_count', { view: v.name });
          const figures = {
            lag: value('freshet_stream_lag', { view: v.name }),
            consumed: value('freshet_stream_events_consumed_total', { source: v.source }),
            late: value('freshet_stream_events_late_total', { view: v.name }),
            expired: value('freshet_stream_events_expired_total', { view: v.name }),
            skipped: value('freshet_stream_events_skipped_total', { source: v.source }),
            freshness: count > 0 ? sum / count : NaN,
          };
          for (const [column, figure] of Object.entries(figures)) {
            const key = v.name + '/' + column;
            const series = history.get(key) || [];
            series.push(figure);
            while (series.length > 90) {
              series.shift();
            }
            history.set(key, series);
            const cell = row.querySelector('td.' + column);
            cell.querySelector('.value').textContent = isFinite(figure) ? (Number.isInteger(figure) ? figure : figure.toFixed(3)) : 'not running';
            cell.querySelector('.chart').replaceChildren(spark(series));
          }
        }
        status.textContent = 'updated ' + new Date().toLocaleTimeString();
        status.className = 'muted';
      } catch (e) {
        status.textContent = e instanceof Failure ? e.message : String(e);
        status.className = 'error';
      }
    };
    await update();
    timer = setInterval(update, 2000);
    return section;
  }

  // ---- Try it ----

  /** {@code text} as one word of a POSIX shell: single-quoted, each ' closed, escaped and reopened. */
  function shellWord(text) {
    return "'" + text.replace(/'/g, "'\\''") + "'";
  }

  /**
   * The page's request as a command to paste into a shell. The token stays out of it (a command is
   * copied into terminals, histories and tickets): the shell reads it from FRESHET_READ_TOKEN.
   */
  function curlOf(request) {
    return ['curl -s -X POST', shellWord(location.origin + '/get-online-features'),
      "-H 'Content-Type: application/json'"]
      .concat(token() ? ['-H "Authorization: Bearer $FRESHET_READ_TOKEN"'] : [])
      .concat(['-d', shellWord(request)]).join(' ');
  }

  async function tryIt() {
    const d = await registry();
    const byService = el('input', { type: 'radio', name: 'ask', id: 'ask-service', value: 'service', checked: '' });
    const byFeatures = el('input', { type: 'radio', name: 'ask', id: 'ask-features', value: 'features' });
    const choose = el('select', { id: 'service' }, d.feature_services.map((s) => el('option', { value: s.name }, s.name)));
    const features = el('div', { id: 'features', hidden: '' },
      d.feature_views.concat(d.on_demand_feature_views).map((v) => el('div', { class: 'view-features', 'data-view': v.name },
        el('span', { class: 'name' }, v.name), ': ',
        v.features.map((f) => el('label', {},
          el('input', { type: 'checkbox', 'data-ref': v.name + ':' + f.name }), ' ' + f.name + ' ')))));
    const keys = el('div', { id: 'keys' });
    const result = el('div', { id: 'result' });
    const asksService = () => byService.checked;
    const chosenRefs = () => [...features.querySelectorAll('input:checked')].map((box) => box.dataset.ref);
    // The views asked for: the service's selections, or the views of the features ticked.
    const chosenViews = () => asksService()
      ? (d.feature_services.find((s) => s.name === choose.value) || { selections: [] }).selections.map((x) => x.feature_view)
      : chosenRefs().map((ref) => ref.slice(0, ref.indexOf(':')));
    // What each entity row needs: the views' join keys, then the request fields of the on-demand
    // views, which are sent beside them.
    const joinKeys = () => {
      const seen = new Map();
      const fields = new Map();
      const addKeys = (name) => {
        const view = d.feature_views.find((v) => v.name === name);
        (view ? view.join_keys : []).forEach((k) => seen.set(k.name, k.type));
      };
      for (const name of chosenViews()) {
        const onDemand = d.on_demand_feature_views.find((v) => v.name === name);
        if (!onDemand) {
          addKeys(name);
          continue;
        }
        for (const input of onDemand.inputs) {
          if (input.kind === 'request_source') {
            const source = d.data_sources.find((s) => s.name === input.name);
            (source ? source.fields : []).forEach((f) => fields.set(f.name, f.type));
          } else {
            addKeys(input.name);
          }
        }
      }
      fields.forEach((type, name) => { if (!seen.has(name)) seen.set(name, type); });
      return [...seen.entries()];
    };
    const drawKeys = () => {
      // Keys typed already are kept when the choice changes.
      const typed = new Map([...keys.querySelectorAll('input')].map((input) => [input.dataset.key, input.value]));
      keys.replaceChildren(...joinKeys().map(([name, type]) => el('label', {},
        name + ' (' + type + ', comma-separated) ',
        el('input', { 'data-key': name, 'data-type': type, value: typed.has(name) ? typed.get(name) : (/_id$/.test(name) ? '1001' : '1'), size: 24 }), ' ')));
    };
    const drawChoice = () => {
      choose.disabled = !asksService();
      features.hidden = asksService();
      drawKeys();
    };
    byService.addEventListener('change', drawChoice);
    byFeatures.addEventListener('change', drawChoice);
    choose.addEventListener('change', drawKeys);
    features.addEventListener('change', drawKeys);
    drawChoice();
    const submit = el('button', { id: 'get' }, 'Get online features');
    submit.addEventListener('click', async () => {
      if (!asksService() && chosenRefs().length === 0) {
        result.replaceChildren(el('p', { class: 'error', id: 'failure' }, 'Tick at least one feature to ask for.'));
        return;
      }
      const entities = {};
      for (const input of keys.querySelectorAll('input')) {
        const numeric = /INT|FLOAT|DOUBLE/.test(input.dataset.type);
        entities[input.dataset.key] = input.value.split(',').map((x) => x.trim()).filter((x) => x)
          .map((x) => (numeric && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(x) ? Number(x) : x));
      }
      const request = JSON.stringify(asksService()
        ? { feature_service: choose.value, entities }
        : { features: chosenRefs(), entities });
      const curl = el('pre', { id: 'curl' }, curlOf(request));
      const copy = el('button', { id: 'copy' }, 'Copy');
      const copied = el('span', { id: 'copied', class: 'muted' });
      copy.addEventListener('click', () => copyText(curl, copied));
      const command = [el('h3', {}, 'The same request with curl'),
        token() ? el('p', { class: 'muted', id: 'curl-token' },
          'Set FRESHET_READ_TOKEN to the read token in the shell first; the command reads it from there.') : null,
        curl, el('p', {}, copy, ' ', copied)].filter((part) => part !== null);
      try {
        const answer = await json('/get-online-features', { method: 'POST', body: request, headers: { 'Content-Type': 'application/json' } });
        result.replaceChildren(valuesTable(answer, Object.keys(entities)), ...command);
      } catch (e) {
        result.replaceChildren(failure(e), ...command);
      }
    });
    return el('section', {}, el('h2', {}, 'Try it'),
      el('p', {}, 'Ask for ', el('label', {}, byService, ' the feature service '), choose, ' or ',
        el('label', {}, byFeatures, ' features of views:')),
      features, keys, el('p', {}, submit), result);
  }

  /**
   * Feast's columns (the join keys', then each feature's) as one row per entity and feature: the
   * entity's keys, the feature's value, status and event timestamp.
   */
  function valuesTable(answer, keyNames) {
    const names = answer.metadata.feature_names;
    const count = answer.results.length ? answer.results[0].values.length : 0;
    const keyColumns = names.map((name, f) => [name, answer.results[f]]).filter(([name]) => keyNames.includes(name));
    const rows = [];
    for (let e = 0; e < count; e++) {
      const entity = keyColumns.map(([name, column]) => name + '=' + column.values[e]).join(', ');
      names.forEach((name, f) => {
        if (keyNames.includes(name)) {
          return;
        }
        const column = answer.results[f];
        rows.push(el('tr', { 'data-feature': name, 'data-entity': entity },
          el('td', { class: 'entity' }, entity), el('td', {}, name),
          el('td', { class: 'value' }, JSON.stringify(column.values[e])),
          el('td', { class: 'status' }, column.statuses[e]), el('td', { class: 'timestamp' }, column.event_timestamps[e])));
      });
    }
    return table(['entity', 'feature', 'value', 'status', 'event timestamp'], rows, { id: 'values' });
  }

  /**
   * Selects the command, so that Ctrl+C copies it wherever the page is, and puts it on the clipboard
   * where the browser lets a page do so (a secure context: https, or localhost).
   */
  function copyText(node, said) {
    const range = document.createRange();
    range.selectNodeContents(node);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(node.textContent)
        .then(() => { said.textContent = 'copied'; })
        .catch(() => { said.textContent = 'selected: press Ctrl+C to copy'; });
    } else {
      said.textContent = 'selected: press Ctrl+C to copy';
    }
  }

  // ---- routing ----

  async function show() {
    if (timer) {
      clearInterval(timer);
      timer = null;
    }
    const [name, kind, item] = (location.hash.replace(/^#/, '') || 'overview').split('/');
    const view = name === 'try' ? 'tryIt' : name;
    for (const a of document.querySelectorAll('header nav a')) {
      a.classList.toggle('current', a.id === 'nav-' + name);
    }
    page.replaceChildren(el('p', { class: 'muted' }, 'loading …'));
    try {
      const drawn = await (views[view] || overview)(kind && item ? kind + '-' + item : null);
      page.replaceChildren(drawn);
    } catch (e) {
      page.replaceChildren(failure(e));
    }
  }

  window.addEventListener('hashchange', show);
  show();
})();
