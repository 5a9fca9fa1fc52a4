// Events in Arabic: labels for Marsad's event types and modalities, how an event's date reads, and one event as
// "actor → action → target" with its place, date, modality badge and confidence. DOM is built from text nodes only.
import { el, formatDate, formatMonth, formatNumber } from './dom.js';

/** Marsad's event types (the built-in lexicon's `type` column) in Arabic. */
const typeLabels = {
  airstrike: 'غارة جوية', shelling: 'قصف', rocket_fire: 'إطلاق صواريخ', bombing: 'تفجير', suicide_bombing: 'تفجير انتحاري',
  attack: 'هجوم', armed_attack: 'هجوم مسلح', shooting: 'إطلاق نار', armed_clash: 'اشتباك مسلح', assassination: 'اغتيال',
  killing: 'قتل', injury: 'إصابة', massacre: 'مجزرة', abduction: 'اختطاف', storming: 'اقتحام', military_operation: 'عملية عسكرية',
  seizure: 'سيطرة', defeat: 'دحر', destruction: 'تدمير', siege: 'حصار',
  protest: 'احتجاج', demonstration: 'مظاهرة', march: 'مسيرة', sit_in: 'اعتصام', strike: 'إضراب', riot: 'أعمال شغب',
  uprising: 'انتفاضة', chanting: 'هتافات', self_immolation: 'إحراق النفس',
  arrest: 'اعتقال', expulsion: 'طرد', torture: 'تعذيب', mobilization: 'حشد', withdrawal: 'انسحاب',
  visit: 'زيارة', talks: 'مباحثات', negotiation: 'مفاوضات', agreement: 'اتفاق', ceasefire: 'وقف إطلاق النار',
  military_aid: 'دعم عسكري', humanitarian_aid: 'مساعدات إنسانية', support: 'دعم',
  accusation: 'اتهام', condemnation: 'إدانة', threat: 'تهديد', rejection: 'رفض', demand: 'مطالبة', sanctions: 'عقوبات',
};

/** PLOVER categories in Arabic: the label of types Marsad has no name for (imported cameo_… types). */
const ploverLabels = {
  ASSAULT: 'اعتداء', PROTEST: 'احتجاج', COERCE: 'إكراه', CONSULT: 'تشاور', AGREE: 'اتفاق', AID: 'مساعدة', ACCUSE: 'اتهام',
  THREATEN: 'تهديد', REJECT: 'رفض', REQUEST: 'طلب', SANCTION: 'عقوبات', MOBILIZE: 'تعبئة', RETREAT: 'انسحاب',
  CONCEDE: 'تنازل', COOPERATE: 'تعاون', SUPPORT: 'دعم',
};

export const modalityLabels = {
  occurred: 'وقع', ongoing: 'مستمر', planned: 'مخطط له', hypothetical: 'افتراضي',
  threatened: 'تهديد به', alleged: 'مزعوم', denied: 'منفي',
};

/** The Arabic name of an event's type: Marsad's label, else its PLOVER category's, else the CAMEO code. */
export function typeLabel(event) {
  if (typeLabels[event.type]) return typeLabels[event.type];
  const plover = ploverLabels[event.plover];
  return plover ? `${plover} (CAMEO ${event.cameo})` : `CAMEO ${event.cameo || event.type}`;
}

/** Colour family for an event: violence, protest, coercion, or other. */
export function typeFamily(event) {
  switch (event.plover) {
    case 'ASSAULT': return 'violence';
    case 'PROTEST': return 'protest';
    case 'COERCE': case 'THREATEN': case 'SANCTION': case 'MOBILIZE': return 'coercion';
    default: return 'other';
  }
}

/** The event's date as Arabic words: a day, a week, a month, a year, "before …", and a note when it is the report's date. */
export function eventDate(date) {
  if (!date) return 'بلا تاريخ';
  const value = date.value || '';
  let text;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) text = formatDate(value);
  else if (/^\d{4}-W\d{2}$/.test(value)) text = date.from && date.to ? `بين ${formatDate(date.from)} و${formatDate(date.to)}` : value;
  else if (/^\d{4}-\d{2}$/.test(value)) text = formatMonth(value);
  else if (/^\d{4}$/.test(value)) text = formatNumber(Number(value)).replace(/[٬,]/g, '');
  else if (!value && date.to) text = 'قبل ' + formatDate(date.to);
  else text = value || 'بلا تاريخ';
  return date.basis === 'reported' ? `${text} (تاريخ النشر)` : text;
}

const participantName = (p) => (p ? p.name || p.text : null);

/** "actor → action → target" as a heading line; unknown roles are a dash. */
export function eventLine(event) {
  const actor = participantName(event.actor);
  const target = participantName(event.target);
  return el('span', { class: 'event-line' },
    el('span', { class: 'event-actor' + (event.actor?.inferred ? ' inferred' : ''), title: event.actor?.inferred ? 'فاعل مستنتج من السياق' : null }, actor || '—'),
    el('span', { class: 'arrow', 'aria-hidden': 'true' }, ' ← '),
    el('strong', { class: `event-action family-${typeFamily(event)}` }, typeLabel(event)),
    target ? [el('span', { class: 'arrow', 'aria-hidden': 'true' }, ' ← '), el('span', { class: 'event-target' }, target)] : null);
}

/** The details under the line: place, date, casualties, modality badge, confidence. */
export function eventDetails(event) {
  const parts = [];
  if (event.place) parts.push(el('span', { class: 'event-place' }, 'في ', event.place.name || event.place.text));
  parts.push(el('span', { class: 'event-date' }, eventDate(event.date)));
  if (event.fatalities && (event.fatalities.killed != null || event.fatalities.injured != null)) {
    const bits = [];
    if (event.fatalities.killed != null) bits.push(`قتلى: ${formatNumber(event.fatalities.killed)}${event.fatalities.approximate ? '+' : ''}`);
    if (event.fatalities.injured != null) bits.push(`جرحى: ${formatNumber(event.fatalities.injured)}${event.fatalities.approximate ? '+' : ''}`);
    parts.push(el('span', { class: 'event-fatalities' }, bits.join('، ')));
  }
  parts.push(el('span', { class: `badge modality-${event.modality}` }, modalityLabels[event.modality] || event.modality));
  parts.push(el('span', { class: 'event-confidence', title: 'ثقة المحلل الآلي' }, `ثقة ${formatNumber(Math.round((event.confidence || 0) * 100))}٪`));
  const details = el('span', { class: 'event-details' });
  parts.forEach((part, i) => details.append(i ? ' · ' : '', part));
  return details;
}

/** A text label for a whole event (tooltips, aria-labels). */
export function eventText(event) {
  const actor = participantName(event.actor) || '—';
  const target = participantName(event.target);
  const place = event.place ? ` في ${event.place.name || event.place.text}` : '';
  return `${actor} ← ${typeLabel(event)}${target ? ' ← ' + target : ''}${place} (${modalityLabels[event.modality] || event.modality})`;
}
