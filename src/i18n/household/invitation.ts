import { dateFormat } from '../../domain/calendar.js';
import {
  baseLanguage,
  directionOf,
  fieldsOf,
  type InvitationTemplate,
  type MergeValues,
  renderParagraphs,
  type TemplateText,
} from '../../domain/template.js';
import { HOUSEHOLD_LANGUAGES, type HouseholdLanguage, householdWords } from './words.js';

/**
 * An invitation in the household's language: the values of its merge fields ({fornavn} as
 * "Kari og Ola", {dato} as "tirsdag 19. januar", {tid}, {program}, {påmelding} …), the default
 * templates, and the parts a letter prints in its own places. The template syntax and rendering
 * are domain/template.ts.
 */

// --- The values of one invitation ---------------------------------------------------------------------

/** "Kari og Ola", "Anne, Berit og Camilla". */
function joinNames(names: readonly string[], language: string): string {
  const list = names.map((n) => n.trim()).filter((n) => n !== '');
  if (list.length <= 1) return list[0] ?? '';
  const and = householdWords(language).invitation.and;
  return `${list.slice(0, -1).join(', ')} ${and} ${list.at(-1)}`;
}

/** '2027-01-19' → "tirsdag 19. januar" (the calendar date itself, no time zone shift). */
function formatDate(date: string, language: string): string {
  return dateFormat(householdWords(language).invitation.locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

export interface InvitationFacts {
  adults: readonly { firstName: string }[];
  event: {
    title: string;
    date: string;
    startTime: string;
    endTime: string;
    food: boolean;
    registration: 'none' | 'optional' | 'required';
    deadline: string | null;
    programme: readonly {
      kind: 'talk' | 'leader' | 'other';
      title: string;
      minutes: number | null;
      speaker: string | null;
    }[];
  };
  venue: { name: string; addressLine: string | null; postcode: string | null; place: string | null } | null;
  hosts: readonly string[];
  note: string | null;
  answerUrl: string;
}

function venueText(venue: InvitationFacts['venue']): string {
  if (!venue) return '';
  const town = [venue.postcode, venue.place].filter(Boolean).join(' ');
  const address = [venue.addressLine, town].filter(Boolean).join(', ');
  return address ? `${venue.name}, ${address}` : venue.name;
}

function programmeText(event: InvitationFacts['event'], language: string): string {
  const w = householdWords(language).invitation;
  const items = event.programme.map((item) => {
    let text = item.title;
    if (item.speaker)
      text += item.kind === 'leader' ? ` – ${item.speaker} ${w.leader}` : ` ${w.by(item.speaker)}`;
    if (item.minutes) text += ` (${w.minutes(item.minutes)})`;
    return text;
  });
  const parts = [event.food ? w.food : '', items.length ? `${w.programme} ${items.join('; ')}.` : ''];
  return parts.filter(Boolean).join(' ');
}

function registrationText(event: InvitationFacts['event'], language: string): string {
  const w = householdWords(language).invitation;
  if (event.registration === 'none') return '';
  if (event.registration === 'required' && event.deadline)
    return w.required(formatDate(event.deadline, language), event.food);
  return w.optional(event.food);
}

export function invitationValues(facts: InvitationFacts, language: string): MergeValues {
  const w = householdWords(language).invitation;
  return {
    fornavn: joinNames(
      facts.adults.map((a) => a.firstName),
      language,
    ),
    tittel: facts.event.title,
    dato: formatDate(facts.event.date, language),
    tid: w.at(facts.event.startTime, facts.event.endTime),
    sted: venueText(facts.venue),
    program: programmeText(facts.event, language),
    påmelding: registrationText(facts.event, language),
    vertskap: joinNames(facts.hosts, language),
    personlig_hilsen: facts.note?.replace(/\s+/g, ' ').trim() ?? '',
    svarlenke: facts.answerUrl,
  };
}

// --- Default templates ----------------------------------------------------------------------------------

/** The invitation template a team starts from, in each language with words of its own. */
export const DEFAULT_TEMPLATES = Object.fromEntries(
  HOUSEHOLD_LANGUAGES.map((language) => [language, householdWords(language).defaultTemplate]),
) as Record<HouseholdLanguage, TemplateText>;

export const DEFAULT_LANGUAGES = HOUSEHOLD_LANGUAGES;

/** The default template of a language, or undefined when there is none. */
export function defaultTemplate(language: string): InvitationTemplate | undefined {
  const base = baseLanguage(language);
  const text = (DEFAULT_TEMPLATES as Record<string, TemplateText | undefined>)[base];
  return text ? { language: base, direction: directionOf(base), ...text } : undefined;
}

/** The closing line of a letter, and the body without the paragraphs the letter prints itself. */
export function letterParts(template: InvitationTemplate, values: MergeValues) {
  const w = householdWords(template.language).invitation;
  // The letter prints the answer link (with a QR code) and the personal note in their own
  // places, and signs with the hosts' names: those paragraphs are left out of its body (the
  // signature only when it is the last paragraph).
  const source = template.body.replace(/\r\n?/g, '\n').trimEnd();
  const blocks = source.split(/\n[ \t]*\n/);
  const last = blocks.at(-1) ?? '';
  const body = fieldsOf(last).includes('vertskap') ? blocks.slice(0, -1).join('\n\n') : source;
  const paragraphs = renderParagraphs(body, values, ['svarlenke', 'personlig_hilsen']);
  return {
    paragraphs,
    closing: w.closing,
    facts: [
      { label: w.facts.when, value: `${values.dato} ${values.tid}` },
      ...(values.sted ? [{ label: w.facts.where, value: values.sted }] : []),
    ],
  };
}
