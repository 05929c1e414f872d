import { describe, expect, it } from 'vitest';
import {
  chooseChannel,
  type Reachability,
  suggestChannel,
  usableChannels,
} from '../../src/domain/channel-choice.js';

const reach = (r: Partial<Reachability>): Reachability => ({
  preferred: [],
  hasEmail: false,
  hasMobile: false,
  hasAddress: false,
  ...r,
});
const none = { household: null, all: null };

describe('the channel of one household', () => {
  it("follows the household's own preference where it can be reached that way", () => {
    expect(chooseChannel(reach({ preferred: ['sms'], hasEmail: true, hasMobile: true }), none)).toBe('sms');
    expect(chooseChannel(reach({ preferred: ['letter'], hasEmail: true, hasAddress: true }), none)).toBe(
      'letter',
    );
  });

  it('skips a preference it has no contact data for, and takes the next', () => {
    expect(chooseChannel(reach({ preferred: ['email', 'sms'], hasMobile: true }), none)).toBe('sms');
  });

  it('tries e-mail, then SMS, then a letter when the household has said nothing', () => {
    expect(chooseChannel(reach({ hasEmail: true, hasMobile: true, hasAddress: true }), none)).toBe('email');
    expect(chooseChannel(reach({ hasMobile: true, hasAddress: true }), none)).toBe('sms');
    expect(chooseChannel(reach({ hasAddress: true }), none)).toBe('letter');
  });

  it("puts the team's choice for the household before its choice for all, and both before the preference", () => {
    const r = reach({ preferred: ['email'], hasEmail: true, hasMobile: true, hasAddress: true });
    expect(chooseChannel(r, { household: null, all: 'letter' })).toBe('letter');
    expect(chooseChannel(r, { household: 'sms', all: 'letter' })).toBe('sms');
  });

  it("falls back when the team's choice for all cannot reach this household", () => {
    expect(
      chooseChannel(reach({ preferred: ['email'], hasEmail: true }), { household: null, all: 'letter' }),
    ).toBe('email');
  });

  it('keeps the first wish when nothing works, so the message fails with a reason the team can read', () => {
    expect(chooseChannel(reach({ preferred: ['sms'] }), none)).toBe('sms');
    expect(chooseChannel(reach({}), none)).toBe('letter');
  });

  it('counts digital mail as usable with a postal address (SvarUt prints what it cannot deliver)', () => {
    expect(usableChannels(reach({ hasAddress: true }))).toEqual(['letter', 'digital_mail']);
    expect(usableChannels(reach({ hasEmail: true, hasMobile: true }))).toEqual(['email', 'sms']);
  });
});

describe('the channel that has worked for households like them', () => {
  const emailOnly = reach({ preferred: ['email'], hasEmail: true, hasAddress: true });

  it('comes after the team’s choices and before the household’s own preference', () => {
    expect(chooseChannel(emailOnly, { ...none, suggested: 'letter' })).toBe('letter');
    expect(chooseChannel(emailOnly, { household: null, all: 'email', suggested: 'letter' })).toBe('email');
    expect(chooseChannel(emailOnly, { household: 'email', all: 'letter', suggested: 'letter' })).toBe(
      'email',
    );
  });

  it('is skipped where the household cannot be reached that way', () => {
    expect(chooseChannel(emailOnly, { ...none, suggested: 'sms' })).toBe('email');
    expect(chooseChannel(emailOnly, { ...none, suggested: null })).toBe('email');
  });

  it('is suggested only when it worked clearly better than the channel the household gets anyway', () => {
    const clear = { email: { came: 1, of: 20 }, letter: { came: 14, of: 20 } };
    expect(suggestChannel(emailOnly, clear)).toBe('letter');
    // 3 of 10 against 2 of 10: the intervals overlap, it may be chance.
    expect(suggestChannel(emailOnly, { email: { came: 2, of: 10 }, letter: { came: 3, of: 10 } })).toBeNull();
    // Nothing known about e-mail for households like them: no comparison, no suggestion.
    expect(suggestChannel(emailOnly, { letter: { came: 14, of: 20 } })).toBeNull();
    // The better channel is one it cannot be reached by.
    expect(suggestChannel(emailOnly, { email: { came: 1, of: 20 }, sms: { came: 18, of: 20 } })).toBeNull();
    // Its own channel is the best one already.
    expect(
      suggestChannel(emailOnly, { email: { came: 14, of: 20 }, letter: { came: 1, of: 20 } }),
    ).toBeNull();
    expect(suggestChannel(emailOnly, undefined)).toBeNull();
  });
});
