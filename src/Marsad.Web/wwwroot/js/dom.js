// Builds DOM from text nodes only: article text is never parsed as HTML anywhere in the site.

/** el('a', {href: '/x', class: 'y'}, 'text', childNode …) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(node, ...children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/**
 * Text with [start, length] ranges wrapped in <mark>, as text nodes. Ranges are sorted and clipped, so
 * overlapping or out-of-range highlights cannot break the text.
 */
export function highlighted(text, ranges) {
  const fragment = document.createDocumentFragment();
  let position = 0;
  for (const [start, length] of [...(ranges || [])].sort((a, b) => a[0] - b[0])) {
    if (start < position || start + length > text.length || length <= 0) continue;
    fragment.append(document.createTextNode(text.slice(position, start)));
    fragment.append(el('mark', {}, text.slice(start, start + length)));
    position = start + length;
  }
  fragment.append(document.createTextNode(text.slice(position)));
  return fragment;
}

const arabicDate = new Intl.DateTimeFormat('ar', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const arabicMonth = new Intl.DateTimeFormat('ar', { year: 'numeric', month: 'short', timeZone: 'UTC' });
const arabicNumber = new Intl.NumberFormat('ar');

export function formatDate(iso) {
  if (!iso) return 'بلا تاريخ';
  const date = new Date(iso + 'T00:00:00Z');
  return Number.isNaN(date.getTime()) ? iso : arabicDate.format(date);
}

export function formatMonth(yearMonth) {
  const date = new Date(yearMonth + '-01T00:00:00Z');
  return Number.isNaN(date.getTime()) ? yearMonth : arabicMonth.format(date);
}

export const formatNumber = (n) => arabicNumber.format(n);

const labels = {
  politics: 'سياسة', economy: 'اقتصاد', sport: 'رياضة', society: 'مجتمع', culture: 'ثقافة',
  middleEast: 'الشرق الأوسط', world: 'العالم', international: 'دولي', science: 'علوم',
  scienceTechnology: 'علوم وتقنية', technology: 'تقنية', health: 'صحة', art: 'فنون', religion: 'دين', local: 'محلي',
};

/** Arabic name of a category or topic label, or the label itself. */
export const label = (value) => labels[value] || value;

/** Problem details (RFC 7807) or a network failure, as one Arabic sentence plus the server's detail. */
export async function fetchJson(url, options) {
  let response;
  try {
    response = await fetch(url, options);
  } catch (error) {
    throw new Error('تعذّر الاتصال بالخادم: ' + error.message);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && (body.detail || body.title);
    throw new Error(`رفض الخادم الطلب (${response.status})` + (detail ? ': ' + detail : ''));
  }
  return body;
}
