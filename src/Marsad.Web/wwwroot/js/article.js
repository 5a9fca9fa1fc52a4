// The article page: the full analysis from /api/articles/{id}, with entity mentions coloured by type, event triggers
// underlined (each linked to its entry in the list of events beside the text), and the article's places and events on a map.
// Offsets are UTF-16 offsets into the body (docs/schema.md), which is what String.slice uses.
import { el, clear, formatDate, formatNumber, label, fetchJson } from './dom.js';
import { createMap, collectPlaces, showPlaces, showEvents } from './map.js';
import { eventLine, eventDetails, eventText, typeFamily } from './events.js';

const types = {
  PERS: 'شخص',
  LOC: 'مكان',
  ORG: 'مؤسسة',
  MISC: 'أخرى',
};

const status = document.getElementById('status');

/**
 * Entity mentions wrapped in <mark class="entity entity-TYPE">, event triggers in <a class="event-trigger"> (underlined,
 * linking to the event in the side list), both as text nodes; where they overlap, the one starting first wins.
 */
function annotatedSpan(body, start, end, entities, triggers) {
  const fragment = document.createDocumentFragment();
  const spans = [
    ...entities.filter((e) => e.start >= start && e.end <= end).map((e) => ({ kind: 'entity', start: e.start, end: e.end, item: e })),
    ...triggers.filter((t) => t.start >= start && t.end <= end).map((t) => ({ kind: 'trigger', start: t.start, end: t.end, item: t })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  let position = start;
  for (const span of spans) {
    if (span.start < position || span.end > body.length || span.end <= span.start) continue;
    fragment.append(document.createTextNode(body.slice(position, span.start)));
    const text = body.slice(span.start, span.end);
    if (span.kind === 'entity') {
      const type = types[span.item.type] ? span.item.type : 'MISC';
      fragment.append(el('mark', { class: `entity entity-${type}`, 'data-type': type, title: types[type] }, text));
    } else {
      const { index, event } = span.item;
      fragment.append(el('a', {
        class: `event-trigger family-${typeFamily(event)}`, id: `trigger-${index}`, href: `#event-${index}`,
        title: eventText(event), 'data-event': index,
        onclick: () => selectEvent(index),
      }, text));
    }
    position = span.end;
  }
  fragment.append(document.createTextNode(body.slice(position, end)));
  return fragment;
}

/** The body: the sentences events were read from wrapped in <span class="event-sentence">, the rest as it is. */
function annotatedBody(body, entities, events) {
  const fragment = document.createDocumentFragment();
  const triggers = events.map((event, index) => ({ start: event.trigger?.start, end: event.trigger?.end, index, event }))
    .filter((t) => Number.isInteger(t.start) && Number.isInteger(t.end));
  const sentences = new Map();
  events.forEach((event, index) => {
    const s = event.sentence;
    if (!s || !Number.isInteger(s.start) || !Number.isInteger(s.end) || s.end <= s.start || s.end > body.length) return;
    const key = `${s.start}:${s.end}`;
    if (!sentences.has(key)) sentences.set(key, { start: s.start, end: s.end, events: [] });
    sentences.get(key).events.push(index);
  });
  const ordered = [...sentences.values()].sort((a, b) => a.start - b.start);
  let position = 0;
  for (const sentence of ordered) {
    if (sentence.start < position) continue;
    fragment.append(annotatedSpan(body, position, sentence.start, entities || [], triggers));
    fragment.append(el('span', { class: 'event-sentence', 'data-events': sentence.events.join(' ') },
      annotatedSpan(body, sentence.start, sentence.end, entities || [], triggers)));
    position = sentence.end;
  }
  fragment.append(annotatedSpan(body, position, body.length, entities || [], triggers));
  return fragment;
}

/** Marks one event as chosen: its list entry, its trigger and its sentence. */
function selectEvent(index) {
  for (const node of document.querySelectorAll('.selected')) node.classList.remove('selected');
  const item = document.getElementById(`event-${index}`);
  const trigger = document.getElementById(`trigger-${index}`);
  item?.classList.add('selected');
  trigger?.classList.add('selected');
  trigger?.closest('.event-sentence')?.classList.add('selected');
}

function renderEvents(events) {
  const list = clear(document.getElementById('events'));
  const note = document.getElementById('events-note');
  note.textContent = events.length === 0 ? 'لم يُعثر على أحداث في هذا المقال.' : `${formatNumber(events.length)} حدثًا؛ الكلمات التي دلّت عليها مسطّرة في النص.`;
  events.forEach((event, index) => {
    const show = () => selectEvent(index);
    list.append(el('li', { id: `event-${index}`, class: `event family-${typeFamily(event)}`, tabindex: '-1', onmouseenter: show, onfocusin: show },
      el('p', { class: 'event-head' }, eventLine(event)),
      el('p', { class: 'event-meta' }, eventDetails(event)),
      el('p', { class: 'event-links' },
        el('a', { href: `#trigger-${index}`, onclick: show }, `«${event.trigger?.text || ''}» في النص`),
        event.place ? [' · ', el('a', { href: '/?place=' + encodeURIComponent(event.place.name || event.place.text) }, 'أحداث هذا المكان')] : null)));
  });
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
  if ((analysis.events || []).length > 0)
    document.getElementById('legend').append(el('span', { class: 'legend-event' }, el('span', { class: 'event-trigger' }, 'حدث'), ' (الكلمة الدالة عليه)'));
  const events = analysis.events || [];
  clear(document.getElementById('body')).append(annotatedBody(analysis.body || '', analysis.entities, events));
  renderEvents(events);
  renderEntityList(analysis.entities);
  if (document.referrer && new URL(document.referrer).origin === location.origin && new URL(document.referrer).pathname === '/')
    document.getElementById('back').href = document.referrer;
  const note = document.getElementById('map-note');
  try {
    const map = await createMap(document.getElementById('map'));
    const places = collectPlaces([analysis]);
    showPlaces(map, places);
    const points = events.map((event, index) => ({ event, index })).filter(({ event }) => Number.isFinite(event.place?.lat) && Number.isFinite(event.place?.lon))
      .map(({ event, index }) => ({
        geometry: { coordinates: [event.place.lon, event.place.lat] },
        properties: { place: event.place.name, plover: event.plover, index, text: eventText(event) },
      }));
    showEvents(map, points, { onPlace: (place) => { location.href = '/?place=' + encodeURIComponent(place); }, describe: (p) => p.text });
    note.textContent = places.length > 0 || points.length > 0
      ? 'الدوائر أماكن المقال، والنقاط أحداثه؛ اضغط على نقطة لعرض أحداث المكان في كل المقالات.'
      : 'لم تُحدَّد إحداثيات لأماكن هذا المقال بعد؛ تظهر حدود الدول وحدها.';
  } catch (error) {
    note.textContent = 'تعذّر رسم الخريطة: ' + error.message;
  }
}

main();
