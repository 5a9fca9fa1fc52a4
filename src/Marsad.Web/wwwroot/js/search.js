// The search page: the query and filters live in the URL (?q=&from=&to=&source=&category=&page=), so every
// result page can be linked, reloaded and navigated with the browser's back button.
import { el, clear, highlighted, formatDate, formatMonth, formatNumber, label, fetchJson } from './dom.js';
import { createMap, collectPlaces, showPlaces } from './map.js';

const fields = ['q', 'from', 'to', 'source', 'category'];
const form = document.getElementById('search');
const status = document.getElementById('status');
const hits = document.getElementById('hits');
const pager = document.getElementById('pager');
const facets = document.getElementById('facets');
const timeline = document.getElementById('timeline');
const mapNote = document.getElementById('map-note');
let mapReady = null;
let placeLayer = null;

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

/** Every month from the first to the last with results, so gaps show as empty months. */
function monthRange(counts) {
  const known = Object.keys(counts).filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  if (known.length === 0) return [];
  let [year, month] = known[0].split('-').map(Number);
  const last = known[known.length - 1];
  const months = [];
  for (let i = 0; i < 240; i++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push([key, counts[key] || 0]);
    if (key >= last) break;
    month++;
    if (month > 12) { month = 1; year++; }
  }
  return months;
}

function renderTimeline(data) {
  clear(timeline);
  const months = monthRange(data.facets?.month || {});
  if (months.length === 0) {
    timeline.append(el('p', { class: 'note' }, 'لا تواريخ في النتائج.'));
    return;
  }
  const max = Math.max(...months.map(([, n]) => n));
  const bars = el('ol', { class: 'bars', 'aria-label': 'عدد النتائج في كل شهر' });
  for (const [month, count] of months) {
    const [year, m] = month.split('-').map(Number);
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    const target = withParam('from', `${month}-01`);
    target.set('to', `${month}-${String(last).padStart(2, '0')}`);
    bars.append(el('li', {},
      el('a', {
        href: '/?' + target, title: `${formatMonth(month)}: ${formatNumber(count)}`,
        'aria-label': `${formatMonth(month)}: ${formatNumber(count)} نتيجة`,
        onclick: (e) => { e.preventDefault(); go(target); },
      },
      el('span', { class: count ? 'bar' : 'bar empty', style: `height:${count ? Math.max(6, Math.round(100 * count / max)) : 0}%` }),
      el('span', { class: 'bar-count' }, formatNumber(count)),
      el('span', { class: 'bar-label' }, formatMonth(month)))));
  }
  timeline.append(bars);
}

async function renderMap(results) {
  mapReady ??= createMap(document.getElementById('map'));
  const map = await mapReady;
  if (placeLayer) placeLayer.remove();
  const analyses = await Promise.all(results.map((hit) =>
    fetchJson('/api/articles/' + encodeURIComponent(hit.id)).catch(() => null)));
  const places = collectPlaces(analyses);
  placeLayer = showPlaces(map, places);
  mapNote.textContent = places.length > 0
    ? `${formatNumber(places.length)} مكانًا في نتائج هذه الصفحة.`
    : 'لم تُحدَّد إحداثيات لأماكن في هذه النتائج بعد؛ تظهر حدود الدول وحدها.';
}

async function run() {
  const params = currentParams();
  for (const name of fields) form.elements[name].value = params.get(name) || '';
  if (params.get('from') || params.get('to') || params.get('source') || params.get('category'))
    document.getElementById('filters').open = true;
  const q = params.get('q') || '';
  clear(hits);
  clear(pager);
  if (!q.trim()) {
    status.textContent = 'اكتب كلمة أو أكثر للبحث. الكلمات تُرتَّب حسب الصلة، و+كلمة تشترطها، و-كلمة تستبعدها، و"…" عبارة كاملة.';
    renderFacets({});
    renderTimeline({});
    renderMap([]).catch((e) => { mapNote.textContent = 'تعذّر رسم الخريطة: ' + e.message; });
    return;
  }
  document.title = `${q} — مرصد`;
  status.textContent = 'جارٍ البحث…';
  try {
    const data = await fetchJson('/api/search?' + params);
    status.textContent = data.total === 0
      ? `لا نتائج لـ«${q}».`
      : `${formatNumber(data.total)} نتيجة لـ«${q}»`;
    hits.start = (data.page - 1) * data.pageSize + 1;
    for (const hit of data.results) hits.append(renderHit(hit));
    renderPager(data.page, data.pageSize, data.total);
    renderFacets(data);
    renderTimeline(data);
    renderMap(data.results).catch((e) => { mapNote.textContent = 'تعذّر رسم الخريطة: ' + e.message; });
  } catch (error) {
    status.textContent = error.message;
    renderFacets({});
    renderTimeline({});
  }
}

// Module scripts run after the deferred Leaflet and topojson-client scripts, so the map can start at once.
run();
