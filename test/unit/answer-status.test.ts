import { describe, expect, it } from 'vitest';
import { joinsLine, movesUp, statusOf } from '../../src/domain/answer-status.js';

describe('the waiting list', () => {
  it('calls a household coming with a place confirmed, and one in line waiting', () => {
    expect(statusOf('coming', null)).toBe('confirmed');
    expect(statusOf('coming', 2)).toBe('waiting');
    expect(statusOf('maybe', null)).toBe('maybe');
    expect(statusOf('not_coming', null)).toBe('not_coming');
  });

  it('moves households up first in line first while each fits, and lets no one pass', () => {
    const line = [
      { invitationId: 'a', persons: 2 },
      { invitationId: 'b', persons: 4 },
      { invitationId: 'c', persons: 1 },
    ];
    expect(movesUp(line, 6, 10)).toEqual(['a']);
    expect(movesUp(line, 4, 10)).toEqual(['a', 'b']);
    expect(movesUp(line, 9, 10)).toEqual([]);
    expect(movesUp(line, 100, null)).toEqual(['a', 'b', 'c']);
  });

  it('puts a newcomer in line when it does not fit, or while others wait', () => {
    expect(joinsLine({ wasConfirmed: false, fits: true, othersWaiting: false })).toBe(false);
    expect(joinsLine({ wasConfirmed: false, fits: false, othersWaiting: false })).toBe(true);
    expect(joinsLine({ wasConfirmed: false, fits: true, othersWaiting: true })).toBe(true);
    expect(joinsLine({ wasConfirmed: true, fits: true, othersWaiting: true })).toBe(false);
  });
});
