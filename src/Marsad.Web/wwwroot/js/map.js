// The map of places: country borders from world-atlas (TopoJSON, converted with topojson-client), drawn by Leaflet
// as SVG with no tile server, plus a marker for every place with coordinates found in the analysis.
import { el, append } from './dom.js';

let bordersPromise = null;

function borders() {
  bordersPromise ??= fetch('/lib/world-atlas/countries-50m.json')
    .then((r) => { if (!r.ok) throw new Error('countries ' + r.status); return r.json(); })
    .then((world) => window.topojson.feature(world, world.objects.countries));
  return bordersPromise;
}

/** Creates the map in `container` (borders of the world, centred on North Africa and the Middle East). */
export async function createMap(container) {
  const L = window.L;
  if (!L || !window.topojson) throw new Error('Leaflet or topojson-client did not load');
  const map = L.map(container, {
    center: [26, 30], zoom: 3, minZoom: 2, maxZoom: 9, worldCopyJump: false,
    attributionControl: true, keyboard: true, zoomSnap: 0.5,
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Natural Earth · world-atlas');
  const countries = await borders();
  L.geoJSON(countries, {
    style: () => ({ color: '#8a7f6f', weight: 0.8, fillColor: '#f4efe6', fillOpacity: 1 }),
    interactive: false,
  }).addTo(map);
  return map;
}

function coordinates(place) {
  const lat = place.lat ?? place.latitude ?? (Array.isArray(place.coordinates) ? place.coordinates[1] : undefined)
    ?? place.location?.lat;
  const lon = place.lon ?? place.lng ?? place.longitude ?? (Array.isArray(place.coordinates) ? place.coordinates[0] : undefined)
    ?? place.location?.lon;
  return Number.isFinite(lat) && Number.isFinite(lon) ? [lat, lon] : null;
}

/**
 * Places from analysis objects' `places` field, merged by name with how many articles mention each.
 * Returns [{name, latLng, count, country}] for those with coordinates.
 */
export function collectPlaces(analyses) {
  const byName = new Map();
  for (const analysis of analyses) {
    for (const place of analysis?.places || []) {
      const latLng = coordinates(place);
      if (!latLng) continue;
      const name = place.name || place.text || place.canonical || '';
      const key = name + '|' + latLng.join(',');
      const entry = byName.get(key) || { name, latLng, count: 0, country: place.country || place.countryCode || '' };
      entry.count++;
      byName.set(key, entry);
    }
  }
  return [...byName.values()];
}

/** Adds one circle marker per place, each with its name as a tooltip (text only), and fits the view to them. */
export function showPlaces(map, places) {
  const L = window.L;
  const layer = L.featureGroup();
  for (const place of places) {
    const marker = L.circleMarker(place.latLng, {
      radius: Math.min(14, 5 + 2 * place.count), color: '#8c2f1b', weight: 1.5, fillColor: '#c8553d', fillOpacity: 0.75,
    });
    const tip = append(el('span', { dir: 'rtl' }), place.name, place.count > 1 ? ` (${place.count})` : '');
    marker.bindTooltip(tip, { direction: 'top' });
    layer.addLayer(marker);
  }
  layer.addTo(map);
  if (places.length > 0) map.fitBounds(layer.getBounds().pad(0.4), { maxZoom: 6 });
  return layer;
}

/**
 * Events (GeoJSON point features from /api/events?format=geojson) as clustered markers (leaflet.markercluster).
 * Every marker and cluster is focusable and opens with Enter, like a click. Clicking a point, or a cluster whose
 * events all share one place, calls onPlace(name); a cluster of several places zooms in (or fans out at full zoom).
 */
export function showEvents(map, features, { onPlace, describe } = {}) {
  const L = window.L;
  if (!L.markerClusterGroup) throw new Error('leaflet.markercluster did not load');
  const group = L.markerClusterGroup({
    showCoverageOnHover: false,
    zoomToBoundsOnClick: false,
    maxClusterRadius: 40,
    iconCreateFunction: (cluster) => {
      const count = cluster.getChildCount();
      const size = count < 10 ? 34 : count < 100 ? 42 : 50;
      return L.divIcon({
        html: el('span', {}, String(count)),
        className: 'event-cluster',
        iconSize: [size, size],
      });
    },
  });
  for (const feature of features || []) {
    const [lon, lat] = feature.geometry?.coordinates || [];
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const p = feature.properties || {};
    const label = describe ? describe(p) : (p.place || '');
    const marker = L.marker([lat, lon], {
      icon: L.divIcon({ className: `event-marker family-${family(p.plover)}`, iconSize: [16, 16] }),
      keyboard: true,
      title: label,
      alt: label,
      place: p.place || '',
    });
    marker.on('click', () => onPlace && p.place && onPlace(p.place));
    group.addLayer(marker);
  }
  group.on('clusterclick', (event) => {
    const cluster = event.layer;
    const places = [...new Set(cluster.getAllChildMarkers().map((m) => m.options.place))];
    if (places.length === 1 && places[0] && onPlace) onPlace(places[0]);
    else if (map.getZoom() >= map.getMaxZoom()) cluster.spiderfy();
    else cluster.zoomToBounds({ padding: [30, 30] });
  });
  // Clusters are re-created as the map moves; give each a spoken name when it appears.
  group.on('animationend', () => labelClusters(map));
  if (!labelled.has(map)) {
    labelled.add(map);
    map.on('zoomend moveend', () => labelClusters(map));
  }
  group.addTo(map);
  labelClusters(map);
  return group;
}

const labelled = new WeakSet();

/** Cluster icons are plain divs: give each a role and a spoken name. */
function labelClusters(map) {
  const pane = map.getPane('markerPane');
  for (const node of pane?.querySelectorAll('.event-cluster') || []) {
    node.setAttribute('aria-label', `مجموعة من ${node.textContent} أحداث؛ اضغط للتكبير أو لتصفية المكان`);
    node.setAttribute('role', 'button');
  }
}

function family(plover) {
  switch (plover) {
    case 'ASSAULT': return 'violence';
    case 'PROTEST': return 'protest';
    case 'COERCE': case 'THREATEN': case 'SANCTION': case 'MOBILIZE': return 'coercion';
    default: return 'other';
  }
}
