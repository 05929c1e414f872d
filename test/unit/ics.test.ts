import { describe, expect, it } from 'vitest';
import { calendarFile, foldLine, unfoldLines } from '../../src/domain/ics.js';
import { type InvitationFactsForSending, renderInvitation } from '../../src/features/sending/render.js';
import { defaultTemplate } from '../../src/i18n/household/index.js';

const octets = (line: string) => new TextEncoder().encode(line).length;

const cafe = {
  uid: 'e1@landsby',
  title: 'مقهى الأسر الحاضنة – Fosterhjemskafé på Åsen skole',
  startsAt: new Date('2027-09-14T16:00:00Z'),
  endsAt: new Date('2027-09-14T18:00:00Z'),
  location: 'Åsen skole, Øvre Åsvei 12, 7630 Åsen',
  description:
    'نتطلع لرؤيتكم في مقهى الأسر الحاضنة. Vi gleder oss til å se dere på kafeen – ta gjerne med barna, det blir mat og prat for små og store.',
  url: 'https://landsby.example/svar/abcdefghijklmnopqrstuv',
};

describe('the calendar file', () => {
  it('folds every line at 75 octets, with Arabic and æøå, never splitting a character', () => {
    const ics = calendarFile(cafe);
    const lines = ics.split('\r\n');
    expect(lines.length).toBeGreaterThan(unfoldLines(ics).length);
    for (const line of lines) expect(octets(line), line).toBeLessThanOrEqual(75);
    // A split two-octet character would come out as U+FFFD when the bytes are read back.
    expect(new TextDecoder().decode(new TextEncoder().encode(ics))).not.toContain('\uFFFD');
    for (const line of lines) expect(line).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it('unfolds to the original text, location with its postcode included', () => {
    const lines = unfoldLines(calendarFile(cafe));
    expect(lines).toContain('LOCATION:Åsen skole\\, Øvre Åsvei 12\\, 7630 Åsen');
    expect(lines.find((l) => l.startsWith('SUMMARY:'))).toBe(`SUMMARY:${cafe.title}`);
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toBe(
      `DESCRIPTION:${cafe.description.replace(/,/g, '\\,')}`,
    );
  });

  it('folds a line of two-octet letters so that each piece is whole and within 75 octets', () => {
    const line = `SUMMARY:${'æ'.repeat(100)}${'😀'.repeat(10)}`;
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.every((p) => octets(p) <= 75)).toBe(true);
    expect(pieces.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });
});

describe('the calendar entry in the e-mail a household gets', () => {
  const facts = (notice?: InvitationFactsForSending['notice']): InvitationFactsForSending => ({
    messageId: '00000000-0000-4000-8000-000000000001',
    channel: 'email',
    event: {
      id: 'e1',
      kind: 'cafe',
      title: 'Fosterhjemskafé',
      date: '2027-09-14',
      startTime: '18:00',
      endTime: '20:00',
      startsAt: '2027-09-14T16:00:00Z',
      endsAt: '2027-09-14T18:00:00Z',
      venue: { id: 'v1', name: 'Frivilligsentralen', place: 'Hommelvik' },
      capacity: 10,
      food: true,
      registration: 'optional',
      deadline: null,
      programme: [],
      hosts: [{ id: 'u1', firstName: 'Anne' }],
      status: 'planned',
      audienceRule: null,
      version: 1,
      image: null,
    },
    venue: { name: 'Frivilligsentralen', addressLine: 'Torget 1', postcode: '7550', place: 'Hommelvik' },
    template: defaultTemplate('nb') as InvitationFactsForSending['template'],
    municipality: 'Malvik',
    household: {
      adults: [{ firstName: 'Kari', lastName: 'Nordmann', email: 'kari@example.no' }],
      addressLine: null,
      postcode: null,
      place: null,
      note: null,
    },
    answerUrl: 'https://landsby.example/svar/abc',
    ...(notice ? { notice } : {}),
  });
  const calendarOf = async (notice?: InvitationFactsForSending['notice']) =>
    (await renderInvitation(facts(notice))).attachments?.find((a) =>
      a.contentType.startsWith('text/calendar'),
    );

  it('has the venue with its postcode in LOCATION', async () => {
    const ics = String((await calendarOf())?.content);
    expect(unfoldLines(ics)).toContain('LOCATION:Frivilligsentralen\\, Torget 1\\, 7550 Hommelvik');
  });

  it('is left out for a household on the waiting list until it has a place', async () => {
    const notice = { adults: 2, children: 1, place: 3 };
    expect(await calendarOf({ kind: 'waiting', ...notice })).toBeUndefined();
    expect(await calendarOf({ kind: 'promotion', ...notice, place: null })).toBeDefined();
    expect(await calendarOf({ kind: 'coming', ...notice, place: null })).toBeDefined();
  });
});
