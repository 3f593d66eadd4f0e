'use strict';
// Vanilla on purpose: the page ships with the service, works offline, and needs no build step.
(() => {
  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    Object.assign(node, props);
    for (const child of children) node.append(child);
    return node;
  };
  const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(1));
  const since = (iso) => {
    const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    return s < 60 ? `${s}s ago` : s < 3600 ? `${Math.round(s / 60)}m ago` : new Date(iso).toLocaleString();
  };

  const SVG = 'http://www.w3.org/2000/svg';
  /** Line chart of one or more series [{points:[{at,value}], color}] on a shared y scale. */
  const chart = (svg, series) => {
    svg.replaceChildren();
    const all = series.flatMap((s) => s.points);
    if (all.length < 2) return;
    const [w, h, pad] = [600, 160, 18];
    const t0 = Math.min(...all.map((p) => p.at));
    const t1 = Math.max(...all.map((p) => p.at));
    const top = Math.max(1, ...all.map((p) => p.value));
    const x = (at) => ((at - t0) / Math.max(1, t1 - t0)) * w;
    const y = (v) => h - pad - (v / top) * (h - 2 * pad);
    const label = document.createElementNS(SVG, 'text');
    Object.assign(label, { textContent: fmt(top) });
    label.setAttribute('x', '4');
    label.setAttribute('y', '12');
    label.setAttribute('fill', '#8a96a3');
    label.setAttribute('font-size', '11');
    svg.append(label);
    for (const { points, color } of series) {
      if (points.length < 2) continue;
      const line = document.createElementNS(SVG, 'polyline');
      line.setAttribute('points', points.map((p) => `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' '));
      line.setAttribute('fill', 'none');
      line.setAttribute('stroke', color);
      line.setAttribute('stroke-width', '2');
      line.setAttribute('vector-effect', 'non-scaling-stroke');
      svg.append(line);
    }
  };

  const renderHealth = (health) =>
    $('health').replaceChildren(
      ...health.map((app) => el('li', { className: app.status.replace(' ', '-'), title: JSON.stringify(app.detail), textContent: `${app.name}: ${app.status}` })),
    );

  const renderRelations = ({ relations }) => {
    const total = Math.max(1, relations.new + relations.duplicate + relations.syndicated + relations.rewrite);
    $('relations').replaceChildren(
      ...['new', 'duplicate', 'syndicated', 'rewrite'].map((kind) => {
        const bar = el('div', { className: `bar ${kind}` });
        bar.style.width = `${(100 * relations[kind]) / total}%`;
        return el('div', { className: 'row' }, el('span', { textContent: kind }), el('div', {}, bar), el('span', { className: 'count', textContent: String(relations[kind]) }));
      }),
    );
  };

  const renderTopStories = ({ mostUpdated }) =>
    $('top-stories').replaceChildren(
      ...mostUpdated.map((story) => {
        const row = el('tr', { className: 'clickable', title: 'open the timeline' }, el('td', { textContent: story.title || story.storyId }), el('td', { textContent: String(story.articles) }), el('td', { className: 'muted', textContent: since(story.updatedAt) }));
        row.dataset.storyId = story.storyId;
        row.addEventListener('click', () => openStory(story.storyId));
        return row;
      }),
    );

  const renderDeadLetters = ({ recent }) =>
    $('dead-letters').replaceChildren(
      ...recent.map((d) =>
        el(
          'tr',
          {},
          el('td', { className: 'muted', textContent: since(d.at) }),
          el('td', { textContent: `${d.source.topic}/${d.source.partition}@${d.source.offset}` }),
          el('td', { textContent: d.reasons.map((r) => `${r.field}: ${r.problem}${r.limit === undefined ? '' : ` (limit ${r.limit})`}`).join('; ') }),
          el('td', { className: 'payload', textContent: d.preview }),
        ),
      ),
    );

  async function openStory(storyId) {
    const panel = $('story');
    panel.hidden = false;
    $('story-title').textContent = 'loading…';
    const response = await fetch(`/v1/stories/${encodeURIComponent(storyId)}`);
    if (!response.ok) {
      $('story-title').textContent = `could not load ${storyId} (${response.status})`;
      return;
    }
    const story = await response.json();
    $('story-title').textContent = story.title || story.id;
    const more = story.nextAfter === null ? '' : ` · first ${story.timeline.length} events shown (the rest: /v1/stories/…?after=${story.nextAfter})`;
    $('story-meta').textContent = `${story.id} · ${story.articleCount} articles · ${story.relations.syndicated + story.relations.duplicate} copies, ${story.relations.rewrite} rewrites${more}`;
    $('story-timeline').replaceChildren(
      ...story.timeline.map((entry) => {
        const item = el('li', {}, el('span', { className: 'relation', textContent: entry.relation || entry.type }), el('span', { textContent: `${entry.article?.title || entry.articleId || (entry.mergedStoryIds || []).join(', ')} ` }), el('span', { className: 'muted small', textContent: since(entry.at) }));
        for (const passage of entry.newPassages || []) item.append(el('blockquote', { textContent: passage }));
        const setAside = entry.setAside || [];
        if (setAside.length > 0) {
          const roles = [...new Set(setAside.map((p) => p.role))].join(', ');
          item.append(
            el(
              'details',
              { className: 'set-aside' },
              el('summary', { className: 'muted small', textContent: `set aside: ${setAside.length} paragraph${setAside.length === 1 ? '' : 's'} (${roles})` }),
              ...setAside.map((p) => el('blockquote', { title: `paragraph ${p.paragraph + 1}: ${p.role}`, textContent: `${p.role}: ${p.text}${p.length > p.text.length ? '…' : ''}` })),
            ),
          );
        }
        return item;
      }),
    );
  }

  const render = (s) => {
    $('updated').textContent = `updated ${new Date(s.at).toLocaleTimeString()}`;
    const last = (points) => (points.length ? points[points.length - 1].perSecond : 0);
    $('rate-in').textContent = fmt(last(s.throughput.in));
    $('rate-out').textContent = fmt(last(s.throughput.out));
    $('lag').textContent = String(s.lag.partitions.reduce((sum, p) => sum + p.lag, 0));
    $('stories').textContent = String(s.figures.stories);
    $('dlq-count').textContent = String(s.deadLetters.count);
    chart($('chart-throughput'), [
      { points: s.throughput.in.map((p) => ({ at: p.at, value: p.perSecond })), color: '#4fa3ff' },
      { points: s.throughput.out.map((p) => ({ at: p.at, value: p.perSecond })), color: '#47c97a' },
    ]);
    chart($('chart-lag'), [{ points: s.lag.total.map((p) => ({ at: p.at, value: p.lag })), color: '#f0b443' }]);
    $('lag-partitions').textContent = s.lag.partitions.map((p) => `p${p.partition}: ${p.lag}`).join('  ');
    renderHealth(s.health);
    renderRelations(s.figures);
    renderTopStories(s.figures);
    renderDeadLetters(s.deadLetters);
    $('problems').hidden = s.problems.length === 0;
    $('problems').textContent = s.problems.join(' · ');
  };

  const source = new EventSource('/dashboard/stream');
  source.addEventListener('open', () => Object.assign($('connection'), { className: 'badge ok', textContent: 'live' }));
  source.addEventListener('error', () => Object.assign($('connection'), { className: 'badge down', textContent: 'reconnecting…' }));
  source.addEventListener('snapshot', (event) => render(JSON.parse(event.data)));
})();
