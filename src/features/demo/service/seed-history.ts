import type { Database, Queryable } from '../../../db/connection.js';
import { inTenant } from '../../../db/tenant.js';
import {
  addDays,
  daysInMonth,
  type IsoDate,
  isoDate,
  todayInOslo,
  weekdayOf,
} from '../../../domain/calendar.js';
import type { SchoolHoliday } from '../../../domain/holidays.js';
import { checkCafeDate, SEASON_MONTHS } from '../../../domain/season.js';
import { holidaysAround, schoolHolidayRules } from '../../school-holidays/index.js';
import * as q from '../queries.js';

// Six invented past cafés for the demo municipality, so the insight page has something to show:
// invitations by the four channels, answers, attendance and feedback, made up but deterministic.
// Only the 120 households last in name order take part, so the screens that list the first
// households by name (check-in, the welcome of first-timers) look as they did before. Made once,
// while the demo municipality has no café at all.

const INVITED = 120;
const CAFES = 6;
const CHANNELS = [
  ['email', 0.4],
  ['letter', 0.25],
  ['sms', 0.2],
  ['digital_mail', 0.15],
] as const;
/** How likely a household answers "coming" to an invitation by each channel (the letter does best). */
const COMING: Record<string, number> = { email: 0.22, letter: 0.45, sms: 0.32, digital_mail: 0.28 };
const TOPICS = [
  'Samvær med biologiske foreldre',
  'Skole og lekser',
  'Ungdom og skjerm',
  'Tilknytning',
  'Ettervern',
];

/** mulberry32: the same demo every time. */
function random(seed: number) {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The dates of the demo's past cafés, as the planner would have chosen them: the last `count`
 * season months before today (domain/season.ts SEASON_MONTHS), in each the first Tuesday or
 * Wednesday (alternating) from the second week on that breaks none of the planner's date rules
 * (no public or school holiday, nor the day next to one). Oldest first.
 */
export function pastCafeDates(today: IsoDate, count: number, schoolHolidays: SchoolHoliday[]): IsoDate[] {
  const months = new Set<number>([...SEASON_MONTHS.spring, ...SEASON_MONTHS.autumn]);
  const dates: IsoDate[] = [];
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  while (dates.length < count) {
    if (months.has(month)) {
      const wednesday = dates.length % 2 === 1;
      for (let day = 8; day <= daysInMonth(year, month); day++) {
        const date = isoDate(year, month, day);
        if (date >= today || weekdayOf(date) !== (wednesday ? 3 : 2)) continue;
        if (checkCafeDate({ date }, { schoolHolidays }).some((p) => p.severity !== 'info')) continue;
        dates.push(date);
        break;
      }
    }
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return dates.reverse();
}

export async function seedDemoHistory(
  db: Database,
  municipalityId: number,
  today: string = todayInOslo(),
): Promise<void> {
  const ctx = { municipalityId, userId: null, ip: null };
  await inTenant(db, ctx, async (tx) => {
    if ((await q.countEvents(tx, municipalityId)) > 0) return;
    const households = await q.lastHouseholdsByName(tx, municipalityId, INVITED);
    if (households.length === 0) return;
    const next = random(2026);
    const channelOf = new Map(
      households.map((h) => {
        let roll = next();
        for (const [channel, weight] of CHANNELS) {
          roll -= weight;
          if (roll < 0) return [h.id, channel];
        }
        return [h.id, 'email'];
      }),
    );
    const venues = await q.insertDemoVenues(tx, municipalityId);
    const cameBefore = new Set<string>();
    const year = Number(today.slice(0, 4));
    const dates = pastCafeDates(
      today,
      CAFES,
      holidaysAround(await schoolHolidayRules(tx, municipalityId), year),
    );
    for (let k = CAFES; k >= 1; k--) {
      const date = dates[CAFES - k] as IsoDate;
      const deadline = k % 2 === 0 ? addDays(date, -7) : null;
      const venueId = venues[k % 2]?.id ?? null;
      const eventId = await q.insertPastCafe(tx, municipalityId, date, venueId, deadline);
      const ids = households.map((h) => h.id);
      const channels = ids.map((id) => channelOf.get(id) ?? 'email');
      const responses: (string | null)[] = [];
      const came: string[] = [];
      for (const [i, h] of households.entries()) {
        const far = (h.travel ?? 30) > 60 ? 0.6 : 1;
        const regular = cameBefore.has(h.id) ? 1.8 : 1;
        const p = Math.min(0.9, (COMING[channels[i] ?? 'email'] ?? 0.25) * far * regular);
        const roll = next();
        const response =
          roll < p ? 'coming' : roll < p + 0.25 ? 'not_coming' : roll < p + 0.3 ? 'maybe' : null;
        responses.push(response);
        if ((response === 'coming' && next() < 0.85) || (response === null && next() < 0.03)) came.push(h.id);
      }
      await q.insertSentInvitations(tx, municipalityId, eventId, ids, channels, date);
      await q.insertAnswers(tx, municipalityId, eventId, ids, responses);
      await q.insertPresent(tx, municipalityId, eventId, came, date);
      for (const id of came) cameBefore.add(id);
      await insertFeedback(tx, municipalityId, eventId, Math.round(came.length * 0.6), next);
    }
  });
}

async function insertFeedback(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  responses: number,
  next: () => number,
): Promise<void> {
  const questions = [
    {
      id: 'q1',
      type: 'scale',
      text: {
        nb: 'Hvor fornøyd var du med kvelden?',
        nn: 'Kor nøgd var du med kvelden?',
        en: 'How happy were you with the evening?',
      },
    },
    {
      id: 'q2',
      type: 'topics',
      text: {
        nb: 'Hvilke temaer vil du ha neste gang?',
        nn: 'Kva tema vil du ha neste gong?',
        en: 'Which topics next time?',
      },
      options: TOPICS.map((topic, i) => ({ id: `t${i + 1}`, text: { nb: topic } })),
    },
  ];
  const code = `demo${eventId.replaceAll('-', '').slice(0, 10)}`;
  await q.insertFeedbackForm(tx, municipalityId, eventId, code, questions);
  const answers = Array.from({ length: responses }, () => {
    const topics = TOPICS.map((_, i) => `t${i + 1}`).filter((_, i) => next() < 0.5 - i * 0.08);
    return JSON.stringify({
      q1: next() < 0.6 ? 5 : next() < 0.7 ? 4 : 3,
      ...(topics.length ? { q2: topics } : {}),
    });
  });
  await q.insertFeedbackResponses(tx, municipalityId, eventId, answers);
}
