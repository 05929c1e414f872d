import { describe, expect, it } from 'vitest';
import {
  checkRetention,
  cutOff,
  cutOffs,
  DEFAULT_RETENTION,
  RETENTION_BOUNDS,
  RETENTION_KINDS,
} from '../../src/domain/retention.js';

describe('retention periods', () => {
  it('has defaults within their own bounds for every kind', () => {
    expect(checkRetention(DEFAULT_RETENTION)).toEqual([]);
    for (const kind of RETENTION_KINDS) {
      const { min, max } = RETENTION_BOUNDS[kind];
      expect(DEFAULT_RETENTION[kind]).toBeGreaterThanOrEqual(min);
      expect(DEFAULT_RETENTION[kind]).toBeLessThanOrEqual(max);
    }
  });

  it('keeps the audit log at least five years, longer than any data it records', () => {
    expect(RETENTION_BOUNDS.audit_log.min).toBe(60);
    const others = RETENTION_KINDS.filter((kind) => kind !== 'audit_log');
    for (const kind of others)
      expect(RETENTION_BOUNDS[kind].max).toBeLessThanOrEqual(RETENTION_BOUNDS.audit_log.max);
  });

  it('keeps attendance two years at least and by default no shorter than the answers it is counted with', () => {
    // No count of who came is kept elsewhere (docs/operations.md): a season must compare with the next.
    expect(RETENTION_BOUNDS.attendance.min).toBe(24);
    expect(RETENTION_BOUNDS.attendance.default).toBeGreaterThanOrEqual(RETENTION_BOUNDS.answers.default);
    expect(checkRetention({ ...DEFAULT_RETENTION, attendance: 23 })).toEqual([
      { field: 'attendance', rule: 'min' },
    ]);
  });

  it('names each period below or above its bounds, and a fraction of a month', () => {
    expect(checkRetention({ ...DEFAULT_RETENTION, audit_log: 59, answers: 61, feedback: 2.5 })).toEqual([
      { field: 'answers', rule: 'max' },
      { field: 'feedback', rule: 'min' },
      { field: 'audit_log', rule: 'min' },
    ]);
  });
});

describe('cut-off dates', () => {
  it('lies whole calendar months before now, at the same time of day', () => {
    expect(cutOff(new Date('2026-12-03T14:30:00Z'), 24).toISOString()).toBe('2024-12-03T14:30:00.000Z');
    expect(cutOff(new Date('2026-01-15T00:00:00Z'), 1).toISOString()).toBe('2025-12-15T00:00:00.000Z');
  });

  it('falls on the last day of a shorter month', () => {
    expect(cutOff(new Date('2026-03-31T08:00:00Z'), 1).toISOString()).toBe('2026-02-28T08:00:00.000Z');
    expect(cutOff(new Date('2028-03-31T08:00:00Z'), 1).toISOString()).toBe('2028-02-29T08:00:00.000Z');
  });

  it('gives one cut-off per kind from the periods', () => {
    const now = new Date('2026-12-03T00:00:00Z');
    const all = cutOffs(now, DEFAULT_RETENTION);
    expect(all.audit_log.toISOString()).toBe('2021-12-03T00:00:00.000Z');
    expect(all.import_files.toISOString()).toBe('2026-11-03T00:00:00.000Z');
  });
});
