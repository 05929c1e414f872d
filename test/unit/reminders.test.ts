import { describe, expect, it } from 'vitest';
import {
  dueReminder,
  inQuietHours,
  nowReminderPurpose,
  outsideQuietHours,
} from '../../src/domain/reminders.js';

describe('reminders on the schedule', () => {
  // Tuesday 14 September 2027, 18:00. A week before: Tuesday 7 September 10:00 Oslo = 08:00Z.
  const startsAt = new Date('2027-09-14T16:00:00Z');

  it('knows when a reminder is due, and quiet hours', () => {
    expect(dueReminder([7, 1], startsAt, new Date('2027-09-07T07:59:00Z'))).toBeUndefined();
    expect(dueReminder([7, 1], startsAt, new Date('2027-09-07T08:00:00Z'))?.days).toBe(7);
    // Both due (the schedule set late): only the latest.
    expect(dueReminder([7, 1], startsAt, new Date('2027-09-13T09:00:00Z'))?.days).toBe(1);
    // Too late to be of use, and not once the event has started.
    expect(dueReminder([7], startsAt, new Date('2027-09-09T08:00:00Z'))).toBeUndefined();
    expect(dueReminder([1], startsAt, new Date('2027-09-14T16:00:00Z'))).toBeUndefined();
    // 21:30 Oslo → 09:00 the next morning.
    expect(outsideQuietHours(new Date('2027-09-07T19:30:00Z')).toISOString()).toBe(
      '2027-09-08T07:00:00.000Z',
    );
    expect(outsideQuietHours(new Date('2027-09-08T05:00:00Z')).toISOString()).toBe(
      '2027-09-08T07:00:00.000Z',
    );
  });

  it('keeps quiet from 20:00 to 09:00 Oslo', () => {
    expect(inQuietHours(new Date('2027-09-07T17:59:00Z'))).toBe(false);
    expect(inQuietHours(new Date('2027-09-07T18:00:00Z'))).toBe(true);
    expect(inQuietHours(new Date('2027-09-08T06:59:00Z'))).toBe(true);
    expect(inQuietHours(new Date('2027-09-08T07:00:00Z'))).toBe(false);
  });

  it('names a reminder sent now by its group and the minute in Oslo', () => {
    expect(nowReminderPurpose('silent', new Date('2027-01-19T09:30:00Z'))).toBe(
      'reminder:now-silent-202701191030',
    );
  });
});
