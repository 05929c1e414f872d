import type { Channel, EndReason, HouseholdInput, HouseholdKind } from '../../../domain/household.js';
import {
  AREAS,
  CARE_MUNICIPALITIES,
  CHILD_NAMES,
  CHILD_NAMES_ABROAD,
  MOBILE_PREFIXES,
  NAMES,
  type Origin,
  STREETS,
  YOUTH_NAMES,
} from './demo-names.js';

// Invented households for the demo municipality, so every screen has something to show. The
// demo team's office is imagined in Asker: most households live in Asker, Bærum and Oslo, some
// across the country, with travel times by distance. Deterministic: the same seed gives the same
// people, addresses and placements (the dates follow `today`, so ages stay right).
//
// Nothing here is a real person. E-mail addresses use example.com/.net/.org (reserved for
// examples, RFC 2606). Norway has no number range reserved for fiction, so the mobiles are random
// numbers in the mobile series (4x and 9x): the demo municipality must never send real SMS.

export const DEMO_HOUSEHOLD_COUNT = 300;
const DEMO_SEED = 20_260_105;

// A seeded pseudo-random generator (mulberry32) and what the generator needs from it.
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed | 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return (items.at(-1) as readonly [T, number])[0];
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = (8 + this.int(0, 3)).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

// Dates as day numbers: no time zones, no daylight saving.
const DAY_MS = 86_400_000;
const toDay = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const toIso = (day: number) => new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);
const YEAR = 365.25;

function ascii(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');
}

export interface DemoHousehold {
  input: HouseholdInput;
  archived: boolean;
}

export interface DemoData {
  households: DemoHousehold[];
  /** the demo municipality's travel-time table: postcode and minutes */
  travelTimes: { postcode: string; minutes: number }[];
}

/** The demo's households and travel-time table: pure and deterministic for a seed and a day. */
export function demoHouseholds(options: { seed?: number; count?: number; today?: string } = {}): DemoData {
  const rng = new Random(options.seed ?? DEMO_SEED);
  const count = options.count ?? DEMO_HOUSEHOLD_COUNT;
  const today = toDay(options.today ?? new Date().toISOString().slice(0, 10));
  const between = (from: number, to: number) => rng.int(Math.round(from), Math.round(Math.max(from, to)));

  // The table: every postcode of the nearer areas, its area's minutes give or take a few.
  const table = new Map<string, number>();
  for (const area of AREAS.filter((a) => a.inTable)) {
    for (const postcode of area.postcodes) {
      const spread = Math.max(3, Math.round(area.minutes * 0.25));
      table.set(postcode, Math.max(3, area.minutes + rng.int(-spread, spread)));
    }
  }

  const emails = new Set<string>();
  const email = (first: string, last: string): string | null => {
    if (rng.chance(0.07)) return null;
    const f = ascii(first);
    const l = ascii(last);
    const local = rng.weighted([
      [`${f}.${l}`, 5],
      [`${f}${l}`, 2],
      [`${f[0]}${l}`, 1],
      [`${f}.${l}${rng.int(1, 99)}`, 2],
    ] as const);
    const domain = rng.weighted([
      ['example.com', 5],
      ['example.net', 3],
      ['example.org', 2],
    ] as const);
    let address = `${local}@${domain}`;
    for (let n = 2; emails.has(address); n++) address = `${local}${n}@${domain}`;
    emails.add(address);
    return address;
  };
  const mobile = (): string | null => {
    if (rng.chance(0.04)) return null;
    const digits = `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
    // As people type them: "412 34 567", "41234567", "+47 412 34 567".
    const spaced = `${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`;
    return rng.weighted([
      [spaced, 5],
      [digits, 3],
      [`+47 ${spaced}`, 2],
    ] as const);
  };

  const households: DemoHousehold[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted<HouseholdKind>([
      ['foster', 72],
      ['emergency', 12],
      ['family_home', 12],
      ['resource_family', 4],
    ]);
    const relation = rng.chance(0.3) ? 'oversight' : 'care';
    const archived = rng.chance(0.04);

    // Family homes for unaccompanied minors are often families who share their background.
    const abroad = kind === 'family_home' ? 0.45 : 0.14;
    const origin: Origin = rng.chance(abroad)
      ? rng.weighted<Origin>(
          kind === 'family_home'
            ? [
                ['so', 3],
                ['ar', 3],
                ['ti', 3],
                ['uk', 1],
                ['pl', 1],
              ]
            : [
                ['so', 3],
                ['ar', 3],
                ['pl', 4],
                ['uk', 3],
                ['ti', 2],
              ],
        )
      : 'no';

    const adults: HouseholdInput['adults'] = [];
    const couple = rng.chance(kind === 'emergency' ? 0.92 : 0.78);
    const names = NAMES[origin];
    const familyName = rng.pick(names.surnames);
    const genders: ('f' | 'm')[] = couple
      ? rng.chance(0.03)
        ? ['f', 'f']
        : ['f', 'm']
      : [rng.chance(0.7) ? 'f' : 'm'];
    if (couple && rng.chance(0.4)) genders.reverse();
    for (const [n, gender] of genders.entries()) {
      // A Polish partner in a Norwegian family, or the other way round, now and then.
      const own = n === 1 && origin === 'pl' && rng.chance(0.25) ? NAMES.no : names;
      const firstName = rng.pick(gender === 'f' ? own.female : own.male);
      // The second adult has a surname of their own in a mixed couple, where each keeps their
      // own (Somali and Eritrean naming), and in some Norwegian couples.
      const ownSurname = n === 1 && (own !== names || names.ownSurnames || rng.chance(0.3));
      let lastName = ownSurname ? rng.pick(own.surnames) : familyName;
      if (gender === 'f' && own.feminine) lastName = own.feminine(lastName);
      const language =
        own.language === 'nb'
          ? rng.weighted([
              ['nb', 90],
              ['nn', 8],
              ['en', 2],
            ] as const)
          : rng.chance(0.75)
            ? own.language
            : 'nb';
      const address = email(firstName, lastName);
      const phone = mobile();
      const channels: Channel[] = [];
      if (address && rng.chance(0.9)) channels.push('email');
      if (phone && rng.chance(0.75)) channels.push('sms');
      if (rng.chance(0.08)) channels.push('letter');
      if (rng.chance(0.05)) channels.push('digital_mail');
      adults.push({
        id: rng.uuid(),
        firstName,
        lastName,
        email: address,
        mobile: phone,
        preferredLanguage: language,
        preferredChannels: channels,
      });
    }

    const area = rng.weighted(
      AREAS.filter((a) => relation === 'care' || a.local).map((a) => [a, a.weight] as const),
    );
    const postcode = rng.pick(area.postcodes);
    const tableMinutes = table.get(postcode);
    let travelMinutes: number | null = null;
    if (tableMinutes !== undefined) {
      // Mostly from the table; sometimes the family told us, give or take a few minutes.
      if (rng.chance(0.15)) travelMinutes = Math.max(2, tableMinutes + rng.int(-4, 6));
    } else if (rng.chance(0.8)) {
      travelMinutes = area.minutes + rng.int(-20, 30);
    }

    // Children and placements.
    const children: NonNullable<HouseholdInput['children']> = [];
    const placements: NonNullable<HouseholdInput['placements']> = [];
    const careMunicipality = relation === 'oversight' ? rng.pick(CARE_MUNICIPALITIES) : null;
    const place = (
      firstName: string,
      born: number,
      start: number,
      end: number | null,
      reason: EndReason | null,
    ) => {
      children.push({ id: rng.uuid(), firstName, birthDate: toIso(born) });
      placements.push({
        id: rng.uuid(),
        childIndex: children.length - 1,
        startDate: toIso(start),
        endDate: end === null ? null : toIso(end),
        endReason: reason,
        careMunicipality,
      });
    };
    const childName = () =>
      origin !== 'no' || rng.chance(0.15) ? rng.pick(CHILD_NAMES_ABROAD) : rng.pick(CHILD_NAMES);
    const unplanned = (p: number): EndReason => (rng.chance(p) ? 'unplanned' : 'planned');

    if (kind === 'emergency') {
      // Short stays: earlier children moved on, mostly as planned; one or two here now.
      for (let k = rng.int(1, 4); k > 0; k--) {
        const end = between(today - 5 * YEAR, today - 20);
        const start = end - between(20, 300);
        place(childName(), start - between(30, 12 * YEAR), start, end, unplanned(0.1));
      }
      if (!archived) {
        for (
          let k = rng.weighted([
            [0, 2],
            [1, 6],
            [2, 2],
          ] as const);
          k > 0;
          k--
        ) {
          const start = between(today - 270, today - 3);
          place(childName(), start - between(10, 12 * YEAR), start, null, null);
        }
      }
    } else if (kind === 'family_home') {
      for (
        let k = rng.weighted([
          [1, 5],
          [2, 3],
          [3, 1],
        ] as const);
        k > 0;
        k--
      ) {
        const born = today - between(14 * YEAR, 19 * YEAR);
        let start = Math.round(Math.max(born + 13 * YEAR, today - between(60, 4 * YEAR)));
        if (archived) start = Math.min(start, today - between(200, 700));
        const ended = (archived || rng.chance(0.3)) && start < today - 100;
        const end = ended ? between(start + 90, today - 10) : null;
        place(rng.pick(YOUTH_NAMES), born, start, end, ended ? unplanned(0.14) : null);
      }
    } else {
      // Foster homes and resource families: long placements; some ended, a few against the plan.
      const howMany =
        kind === 'resource_family'
          ? rng.int(1, 2)
          : rng.weighted([
              [0, 6],
              [1, 55],
              [2, 30],
              [3, 9],
            ] as const);
      for (let k = howMany; k > 0; k--) {
        const ended = archived || rng.chance(kind === 'resource_family' ? 0.3 : 0.28);
        if (!ended) {
          const age = between(60, 17.5 * YEAR);
          const born = today - age;
          const start = between(Math.max(born + 60, today - 12 * YEAR), today - 14);
          place(childName(), born, start, null, null);
          continue;
        }
        const end = between(today - 6 * YEAR, today - 30);
        const reason = unplanned(0.15);
        if (reason === 'planned' && rng.chance(0.5)) {
          // Grew up here and moved out at eighteen.
          const born = end - Math.round(18 * YEAR) - between(0, 60);
          place(childName(), born, end - between(2 * YEAR, 10 * YEAR), end, 'planned');
        } else {
          const ageAtEnd = between(2 * YEAR, 16 * YEAR);
          const start = end - between(90, Math.min(ageAtEnd - 60, 8 * YEAR));
          place(childName(), end - ageAtEnd, start, end, reason);
        }
      }
    }

    households.push({
      archived,
      input: {
        id: rng.uuid(),
        kind,
        relation,
        externalRef: rng.chance(0.85) ? `FH-${100_200 + i * 13}` : null,
        address: {
          line: `${rng.pick(STREETS)} ${rng.int(1, 120)}${rng.chance(0.12) ? rng.pick(['A', 'B', 'C']) : ''}`,
          postcode,
        },
        travelMinutes,
        adults,
        children,
        placements,
      },
    });
  }

  return {
    households,
    travelTimes: [...table].map(([postcode, minutes]) => ({ postcode, minutes })),
  };
}
