// The article page: the full analysis from /api/articles/{id}, with entity mentions coloured by type.
// Offsets are UTF-16 offsets into the body (docs/schema.md), which is what String.slice uses.
import { el, clear, formatDate, label, fetchJson } from './dom.js';
import { createMap, collectPlaces, showPlaces } from './map.js';

const types = {
  PERS: 'شخص',
  LOC: 'مكان',
  ORG: 'مؤسسة',
  MISC: 'أخرى',
};

const status = document.getElementById('status');

/** The body as text nodes, each entity mention wrapped in <mark class="entity entity-TYPE">; overlaps are skipped. */
function annotatedBody(body, entities) {
  const fragment = document.createDocumentFragment();
  let position = 0;
  const sorted = [...(entities || [])].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const entity of sorted) {
    if (entity.start < position || entity.end > body.length || entity.end <= entity.start) continue;
    fragment.append(document.createTextNode(body.slice(position, entity.start)));
    const type = types[entity.type] ? entity.type : 'MISC';
    fragment.append(el('mark', { class: `entity entity-${type}`, 'data-type': type, title: types[type] }, body.slice(entity.start, entity.end)));
    position = entity.end;
  }
  fragment.append(document.createTextNode(body.slice(position)));
  return fragment;
}

function renderMeta(analysis) {
  const meta = clear(document.getElementById('meta'));
  const row = (term, ...value) => meta.append(el('div', {}, el('dt', {}, term), el('dd', {}, ...value)));
  row('التاريخ', el('time', { datetime: analysis.date || '' }, formatDate(analysis.date)));
  if (analysis.source) row('المصدر', analysis.source);
  if (analysis.category) row('القسم', label(analysis.category));
  if (analysis.topic) row('الموضوع', label(analysis.topic.label), el('span', { class: 'confidence' }, ` (${Math.round(analysis.topic.confidence * 100)}٪)`));
  if (analysis.url && /^https?:\/\//i.test(analysis.url)) row('الرابط', el('a', { href: analysis.url, rel: 'noopener noreferrer' }, analysis.url));
}

function renderLegend(entities) {
  const legend = clear(document.getElementById('legend'));
  const present = new Set((entities || []).map((e) => (types[e.type] ? e.type : 'MISC')));
  for (const [type, name] of Object.entries(types)) {
    if (present.has(type)) legend.append(el('span', { class: `entity entity-${type}` }, name));
  }
}

function renderEntityList(entities) {
  const list = clear(document.getElementById('entities'));
  const counts = new Map();
  for (const entity of entities || []) {
    const key = entity.type + '\u0000' + entity.text;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  if (counts.size === 0) {
    list.append(el('li', { class: 'note' }, 'لم يُعثر على كيانات.'));
    return;
  }
  const byCount = [...counts].sort((a, b) => b[1] - a[1]);
  for (const [key, count] of byCount) {
    const [type, text] = key.split('\u0000');
    const kind = types[type] ? type : 'MISC';
    list.append(el('li', {},
      el('a', { href: '/?q=' + encodeURIComponent(`"${text}"`), class: `entity entity-${kind}`, title: types[kind] }, text),
      count > 1 ? el('span', { class: 'count' }, ` ×${count}`) : null));
  }
}

async function main() {
  const id = new URLSearchParams(location.search).get('id');
  if (!id) {
    status.textContent = 'لم يُحدَّد مقال.';
    return;
  }
  status.textContent = 'جارٍ التحميل…';
  let analysis;
  try {
    analysis = await fetchJson('/api/articles/' + encodeURIComponent(id));
  } catch (error) {
    status.textContent = error.message;
    return;
  }
  status.textContent = '';
  document.title = `${analysis.title} — مرصد`;
  document.getElementById('title').textContent = analysis.title;
  renderMeta(analysis);
  renderLegend(analysis.entities);
  clear(document.getElementById('body')).append(annotatedBody(analysis.body || '', analysis.entities));
  renderEntityList(analysis.entities);
  if (document.referrer && new URL(document.referrer).origin === location.origin && new URL(document.referrer).pathname === '/')
    document.getElementById('back').href = document.referrer;
  const note = document.getElementById('map-note');
  try {
    const map = await createMap(document.getElementById('map'));
    const places = collectPlaces([analysis]);
    showPlaces(map, places);
    note.textContent = places.length > 0 ? '' : 'لم تُحدَّد إحداثيات لأماكن هذا المقال بعد؛ تظهر حدود الدول وحدها.';
  } catch (error) {
    note.textContent = 'تعذّر رسم الخريطة: ' + error.message;
  }
}

main();
