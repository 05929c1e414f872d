import { describe, expect, it } from 'vitest';
import { chooseChannel, type Reachability, usableChannels } from '../../src/domain/channel-choice.js';

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
