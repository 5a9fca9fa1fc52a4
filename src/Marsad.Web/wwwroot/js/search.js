// The search page: the query and filters live in the URL (?q=&from=&to=&source=&category=&place=&page=), so every
// result page can be linked, reloaded and navigated with the browser's back button. Beside the articles: the events
// of the articles the search finds (/api/events), as a list, as bars in the timeline, and as clustered points on the
// map; choosing a point, a cluster of one place, or a place below the map filters everything by that place.
import { el, clear, highlighted, formatDate, formatMonth, formatNumber, label, fetchJson } from './dom.js';
import { createMap, collectPlaces, showPlaces, showEvents } from './map.js';
import { eventLine, eventDetails, typeLabel } from './events.js';

const fields = ['q', 'from', 'to', 'source', 'category', 'place'];
const eventFields = ['q', 'from', 'to', 'source', 'category', 'place'];
const form = document.getElementById('search');
const status = document.getElementById('status');
const hits = document.getElementById('hits');
const pager = document.getElementById('pager');
const facets = document.getElementById('facets');
const timeline = document.getElementById('timeline');
const mapNote = document.getElementById('map-note');
const eventList = document.getElementById('event-list');
const eventsNote = document.getElementById('events-note');
const eventPlaces = document.getElementById('event-places');
let mapReady = null;
let placeLayer = null;
let eventLayer = null;

function currentParams() {
  return new URLSearchParams(location.search);
}

function go(params) {
  for (const [key, value] of [...params]) if (!value) params.delete(key);
  history.pushState(null, '', params.size ? '/?' + params : '/');
  run();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const params = new URLSearchParams();
  for (const name of fields) params.set(name, form.elements[name].value.trim());
  go(params);
});

window.addEventListener('popstate', run);

function withParam(name, value) {
  const params = currentParams();
  params.delete('page');
  if (value) params.set(name, value); else params.delete(name);
  return params;
}

function renderHit(hit) {
  const link = el('a', { href: '/article.html?id=' + encodeURIComponent(hit.id) }, hit.title);
  const meta = el('p', { class: 'hit-meta' },
    el('time', { datetime: hit.date || '' }, formatDate(hit.date)),
    hit.source ? [' · ', hit.source] : null,
    hit.category ? [' · ', label(hit.category)] : null);
  const snippet = el('p', { class: 'snippet' }, hit.snippetStart > 0 ? '… ' : '', highlighted(hit.snippet, hit.highlights), ' …');
  return el('li', { class: 'hit' }, el('h3', {}, link), meta, snippet);
}

function renderPager(page, pageSize, total) {
  clear(pager);
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return;
  const link = (number, text, rel) => {
    const params = currentParams();
    params.set('page', String(number));
    return el('a', { href: '/?' + params, rel, onclick: (e) => { e.preventDefault(); go(params); document.getElementById('results').focus(); } }, text);
  };
  if (page > 1) pager.append(link(page - 1, '→ السابقة', 'prev'));
  pager.append(el('span', { class: 'page-of' }, `صفحة ${formatNumber(page)} من ${formatNumber(pages)}`));
  if (page < pages) pager.append(link(page + 1, 'التالية ←', 'next'));
}

function renderFacets(data) {
  clear(facets);
  const params = currentParams();
  const groups = [['source', 'المصدر'], ['category', 'القسم']];
  for (const [name, title] of groups) {
    const counts = Object.entries(data.facets?.[name] || {});
    if (counts.length === 0) continue;
    const list = el('ul', { class: 'facet-list' });
    for (const [value, count] of counts) {
      const active = params.get(name) === value;
      const target = withParam(name, active ? '' : value);
      list.append(el('li', {},
        el('a', {
          href: '/?' + target, 'aria-pressed': active ? 'true' : 'false', class: active ? 'active' : null,
          onclick: (e) => { e.preventDefault(); go(target); },
        }, name === 'category' ? label(value) : value, ' ', el('span', { class: 'count' }, formatNumber(count)))));
    }
    facets.append(el('h3', {}, title), list);
  }
}

/**
 * The months the timeline shows, gaps included: from the first to the last month with articles (as many as 240), or,
 * with no articles to show, the last 12 months up to the latest event (events can be dated years before their reports).
 */
function monthRange(articleCounts, eventCounts) {
  const valid = (counts) => Object.keys(counts).filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  const articles = valid(articleCounts);
  const events = valid(eventCounts);
  const known = articles.length > 0 ? articles : events;
  if (known.length === 0) return [];
  const last = known[known.length - 1];
  let [year, month] = known[0].split('-').map(Number);
  const limit = articles.length > 0 ? 240 : 12;
  if (articles.length === 0) {
    const [lastYear, lastMonth] = last.split('-').map(Number);
    const start = lastYear * 12 + lastMonth - 1 - (limit - 1);
    if (year * 12 + month - 1 < start) [year, month] = [Math.floor(start / 12), start % 12 + 1];
  }
  const months = [];
  for (let i = 0; i < limit; i++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) break;
    month++;
    if (month > 12) { month = 1; year++; }
  }
  return months;
}

/** Bars per month: articles (from the search's facets) and events (from the events' facets), side by side. */
function renderTimeline(articleCounts, eventCounts) {
  clear(timeline);
  const months = monthRange(articleCounts || {}, eventCounts || {});
  if (months.length === 0) {
    timeline.append(el('p', { class: 'note' }, 'لا تواريخ في النتائج.'));
    return;
  }
  const max = Math.max(1, ...months.map((m) => Math.max(articleCounts?.[m] || 0, eventCounts?.[m] || 0)));
  const height = (count) => `height:${count ? Math.max(6, Math.round(100 * count / max)) : 0}%`;
  const bars = el('ol', { class: 'bars', 'aria-label': 'عدد المقالات والأحداث في كل شهر' });
  for (const month of months) {
    const articles = articleCounts?.[month] || 0;
    const events = eventCounts?.[month] || 0;
    const [year, m] = month.split('-').map(Number);
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    const target = withParam('from', `${month}-01`);
    target.set('to', `${month}-${String(last).padStart(2, '0')}`);
    const spoken = `${formatMonth(month)}: ${formatNumber(articles)} مقالًا و${formatNumber(events)} حدثًا`;
    bars.append(el('li', {},
      el('a', {
        href: '/?' + target, title: spoken, 'aria-label': spoken,
        onclick: (e) => { e.preventDefault(); go(target); },
      },
      el('span', { class: 'bar-count' }, formatNumber(articles), el('span', { class: 'event-count' }, ' · ' + formatNumber(events))),
      el('span', { class: 'bar-pair' },
        el('span', { class: articles ? 'bar' : 'bar empty', style: height(articles) }),
        el('span', { class: events ? 'bar events' : 'bar events empty', style: height(events) })),
      el('span', { class: 'bar-label' }, formatMonth(month)))));
  }
  timeline.append(bars);
}

/** The events of the current search: a short list, with links to the articles they were read from. */
function renderEventList(data) {
  clear(eventList);
  clear(eventPlaces);
  if (!data) {
    eventsNote.textContent = '';
    return;
  }
  eventsNote.textContent = data.total === 0 ? 'لا أحداث في هذه النتائج.'
    : data.total > data.events.length ? `أحدث ${formatNumber(data.events.length)} من ${formatNumber(data.total)} حدثًا.` : `${formatNumber(data.total)} حدثًا.`;
  for (const event of data.events) {
    eventList.append(el('li', { class: 'event' },
      el('p', { class: 'event-head' }, eventLine(event)),
      el('p', { class: 'event-meta' }, eventDetails(event)),
      el('p', { class: 'event-links' }, el('a', { href: `/article.html?id=${encodeURIComponent(event.article.id)}` }, event.article.title))));
  }
  const current = currentParams().get('place');
  for (const [place, count] of Object.entries(data.facets?.place || {}).slice(0, 30)) {
    const active = current === place;
    const target = withParam('place', active ? '' : place);
    eventPlaces.append(el('li', {}, el('a', {
      href: '/?' + target, class: active ? 'chip active' : 'chip', 'aria-pressed': active ? 'true' : 'false',
      onclick: (e) => { e.preventDefault(); go(target); },
    }, place, ' ', el('span', { class: 'count' }, formatNumber(count)))));
  }
}

function eventQuery(params, extra) {
  const query = new URLSearchParams();
  for (const name of eventFields) if (params.get(name)) query.set(name, params.get(name));
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return query;
}

/** Events as clustered points; choosing one filters the page by its place. */
async function renderEventMap(params) {
  mapReady ??= createMap(document.getElementById('map'));
  const map = await mapReady;
  if (eventLayer) eventLayer.remove();
  const geo = await fetchJson('/api/events?' + eventQuery(params, { format: 'geojson', size: '2000' }));
  eventLayer = showEvents(map, geo.features, {
    onPlace: (place) => go(withParam('place', place)),
    describe: (p) => `${typeLabel(p)} — ${p.place}${p.actor ? ' — ' + p.actor : ''}`,
  });
  return geo;
}

async function renderMap(results) {
  mapReady ??= createMap(document.getElementById('map'));
  const map = await mapReady;
  if (placeLayer) placeLayer.remove();
  const analyses = await Promise.all(results.map((hit) =>
    fetchJson('/api/articles/' + encodeURIComponent(hit.id)).catch(() => null)));
  const places = collectPlaces(analyses);
  placeLayer = showPlaces(map, places);
  return places;
}

function showMaps(params, results) {
  Promise.all([
    renderMap(results).catch(() => []),
    renderEventMap(params).catch((e) => { mapNote.textContent = 'تعذّر رسم الأحداث: ' + e.message; return null; }),
  ]).then(async ([places, geo]) => {
    if (!geo) return;
    // Fit the view to the events and the places together.
    const map = await mapReady;
    const bounds = window.L.latLngBounds([]);
    if (eventLayer?.getLayers().length) bounds.extend(eventLayer.getBounds());
    if (placeLayer?.getLayers().length) bounds.extend(placeLayer.getBounds());
    if (bounds.isValid()) map.fitBounds(bounds.pad(0.3), { maxZoom: 6 });
    const points = geo.features.length;
    mapNote.textContent = (points > 0 ? `${formatNumber(points)} حدثًا على الخريطة (النقاط، مجمّعة حسب القرب؛ اضغط نقطة أو مجموعة مكان واحد لتصفية النتائج بها). ` : 'لا أحداث بإحداثيات في هذه النتائج. ')
      + (places.length > 0 ? `والدوائر ${formatNumber(places.length)} مكانًا في مقالات هذه الصفحة.` : '');
  }).catch((e) => { mapNote.textContent = 'تعذّر رسم الخريطة: ' + e.message; });
}

async function run() {
  const params = currentParams();
  for (const name of fields) form.elements[name].value = params.get(name) || '';
  if (params.get('from') || params.get('to') || params.get('source') || params.get('category') || params.get('place'))
    document.getElementById('filters').open = true;
  const q = params.get('q') || '';
  const filtered = fields.some((name) => name !== 'q' && params.get(name));
  clear(hits);
  clear(pager);
  const events = fetchJson('/api/events?' + eventQuery(params, { size: '6' })).catch(() => null);
  if (!q.trim() && !filtered) {
    status.textContent = 'اكتب كلمة أو أكثر للبحث. الكلمات تُرتَّب حسب الصلة، و+كلمة تشترطها، و-كلمة تستبعدها، و"…" عبارة كاملة. تحتها أحداث كل المقالات.';
    renderFacets({});
    const data = await events;
    renderTimeline({}, data?.facets?.month);
    renderEventList(data);
    showMaps(params, []);
    return;
  }
  const what = q.trim() ? `لـ«${q}»` : 'للتصفية المختارة';
  document.title = `${q.trim() || params.get('place') || 'تصفية'} — مرصد`;
  status.textContent = 'جارٍ البحث…';
  try {
    const data = await fetchJson('/api/search?' + params);
    status.textContent = data.total === 0
      ? `لا نتائج ${what}.`
      : `${formatNumber(data.total)} نتيجة ${what}`;
    hits.start = (data.page - 1) * data.pageSize + 1;
    for (const hit of data.results) hits.append(renderHit(hit));
    renderPager(data.page, data.pageSize, data.total);
    renderFacets(data);
    const eventData = await events;
    renderTimeline(data.facets?.month, eventData?.facets?.month);
    renderEventList(eventData);
    showMaps(params, data.results);
  } catch (error) {
    status.textContent = error.message;
    renderFacets({});
    renderTimeline({}, {});
    renderEventList(null);
  }
}

// Module scripts run after the deferred Leaflet and topojson-client scripts, so the map can start at once.
run();
