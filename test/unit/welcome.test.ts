import { describe, expect, it } from 'vitest';
import { outcomeOf, type PastInvitation, rankWelcomeList, reasonOf } from '../../src/domain/welcome.js';

const silent: PastInvitation = { response: null, failed: false };
const failed: PastInvitation = { response: null, failed: true };
const declined: PastInvitation = { response: 'not_coming', failed: false };
const maybe: PastInvitation = { response: 'maybe', failed: false };
const coming: PastInvitation = { response: 'coming', failed: false };

const household = (id: string, invitations: PastInvitation[], name = id) => ({ id, name, invitations });

describe('what happened to one invitation', () => {
  it('reads the answer first, then whether the messages failed', () => {
    expect(outcomeOf(silent)).toBe('silent');
    expect(outcomeOf(failed)).toBe('failed');
    expect(outcomeOf(declined)).toBe('declined');
    expect(outcomeOf(maybe)).toBe('maybe');
    expect(outcomeOf(coming)).toBe('no_show');
    // They answered even though a message failed (another reached them).
    expect(outcomeOf({ response: 'not_coming', failed: true })).toBe('declined');
  });
});

describe('the reason for a place on the welcome list', () => {
  it('silent every time comes before failed messages, "maybe" and "no"', () => {
    expect(reasonOf(['silent', 'silent', 'silent'])).toBe('never_answered');
    expect(reasonOf(['silent', 'failed', 'silent'])).toBe('contact_failed');
    expect(reasonOf(['declined', 'failed', 'maybe'])).toBe('contact_failed');
    expect(reasonOf(['silent', 'maybe', 'declined'])).toBe('unsure');
    expect(reasonOf(['no_show', 'declined', 'declined'])).toBe('unsure');
    expect(reasonOf(['declined', 'declined', 'declined'])).toBe('declined');
    expect(reasonOf(['declined', 'silent', 'declined'])).toBe('declined');
  });
});

describe('the welcome list', () => {
  it('ranks by reason, then by more invitations, then by name, and leaves out those invited fewer than 3 times', () => {
    const list = rankWelcomeList([
      household('declined', [declined, declined, declined, declined, declined]),
      household('maybe', [maybe, silent, declined]),
      household('failed', [failed, silent, silent]),
      household('silent-3', [silent, silent, silent], 'Berit'),
      household('silent-3b', [silent, silent, silent], 'Anders'),
      household('silent-4', [silent, silent, silent, silent]),
      household('twice', [silent, silent]),
    ]);
    expect(list.map((e) => e.household.id)).toEqual([
      'silent-4',
      'silent-3b',
      'silent-3',
      'failed',
      'maybe',
      'declined',
    ]);
    expect(list.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(list[3]).toMatchObject({ reason: 'contact_failed', outcomes: ['failed', 'silent', 'silent'] });
    expect(list[5]?.reason).toBe('declined');
  });

  it('is empty when nobody qualifies', () => {
    expect(rankWelcomeList([])).toEqual([]);
    expect(rankWelcomeList([household('a', [silent, silent])])).toEqual([]);
  });
});
