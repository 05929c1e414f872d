import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttendanceHousehold } from '../../src/features/checkin/contract.js';
import {
  applyQueue,
  countsOf,
  loadQueue,
  type QueuedTap,
  saveQueue,
  sendTap,
} from '../../src/web/features/checkin/checkin-queue.js';

/**
 * The check-in list on the evening (/kafe/:id/innsjekk) works offline: a tap is shown at once,
 * kept in the browser and sent when the network is back. Here the browser's storage is a small
 * in-memory stand-in and the network a fetch that is off or on.
 */

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  get size() {
    return this.items.size;
  }
}

const household = (id: string, over: Partial<AttendanceHousehold> = {}): AttendanceHousehold => ({
  id,
  name: `Familien ${id}`,
  response: 'coming',
  adults: 2,
  children: 1,
  waiting: false,
  firstTime: false,
  present: false,
  walkIn: false,
  ...over,
});

const tap = (householdId: string, tapId: string, present = true): QueuedTap => ({
  kind: 'tap',
  tapId,
  householdId,
  present,
  tappedAt: '2027-01-19T17:05:00.000Z',
  name: `Familien ${householdId}`,
});

let storage: MemoryStorage;
let online: boolean;
const sent: { path: string; body: Record<string, unknown> }[] = [];

beforeEach(() => {
  storage = new MemoryStorage();
  online = true;
  sent.length = 0;
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
    if (!online) throw new TypeError('Failed to fetch');
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    sent.push({ path, body });
    const answer = {
      household: household(String(body.householdId ?? body.tapId), { present: body.present !== false }),
      counts: { checkedIn: 1, adults: 2, children: 1, expected: 1 },
    };
    return new Response(JSON.stringify(answer), { status: 200 });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** What the page does with its queue: send in order, stop at the first that must wait, drop what went. */
async function flush(eventId: string): Promise<void> {
  let queue = loadQueue(eventId);
  for (let next = queue[0]; next; next = queue[0]) {
    const outcome = await sendTap(eventId, next);
    if (outcome.status === 'wait') break;
    queue = queue.slice(1);
    saveQueue(eventId, queue);
  }
}

describe('the check-in queue', () => {
  it('shows a tap at once, before the server has answered', () => {
    const list = [household('h1'), household('h2')];
    const shown = applyQueue(list, [tap('h1', 't1')]);
    expect(shown.find((h) => h.id === 'h1')?.present).toBe(true);
    expect(countsOf(shown)).toEqual({ checkedIn: 1, adults: 2, children: 1, expected: 2 });
  });

  it('keeps a check-in made offline through a reload, and sends it once when back online', async () => {
    online = false;
    saveQueue('e1', [tap('h1', 't1')]);
    await flush('e1');
    expect(sent).toEqual([]);
    // A reload: the page reads the queue again from storage.
    expect(loadQueue('e1')).toEqual([tap('h1', 't1')]);

    online = true;
    await flush('e1');
    await flush('e1');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.path).toBe('/api/events/e1/attendance');
    expect(sent[0]?.body).toMatchObject({ tapId: 't1', householdId: 'h1', present: true });
    expect(loadQueue('e1')).toEqual([]);
    expect(storage.size).toBe(0);
  });

  it('sends the taps in the order they were made', async () => {
    saveQueue('e1', [tap('h1', 't1'), tap('h2', 't2'), tap('h1', 't3', false)]);
    await flush('e1');
    expect(sent.map((s) => s.body.tapId)).toEqual(['t1', 't2', 't3']);
  });

  it('adds a walk-in to the list at once, as present', () => {
    const walkIn: QueuedTap = {
      kind: 'walkIn',
      tapId: 'w1',
      householdId: 'w1',
      newHousehold: { firstName: 'Per', lastName: 'Hansen' },
      tappedAt: '2027-01-19T17:10:00.000Z',
      name: 'Per Hansen',
      adults: 1,
      children: 0,
    };
    const shown = applyQueue([household('h1')], [walkIn]);
    expect(shown.find((h) => h.id === 'w1')).toMatchObject({
      name: 'Per Hansen',
      present: true,
      walkIn: true,
    });
  });

  it('waits and tries again when the server is busy, but gives up on a tap it refuses', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response(JSON.stringify({ code: 'rate_limited', message: '' }), { status: 429 }),
    );
    expect((await sendTap('e1', tap('h1', 't1'))).status).toBe('wait');
    vi.stubGlobal(
      'fetch',
      async () => new Response(JSON.stringify({ code: 'checkin.not_invited', message: '' }), { status: 404 }),
    );
    expect((await sendTap('e1', tap('h1', 't1'))).status).toBe('refused');
  });

  it('forgets nothing but also breaks nothing when storage is unusable or holds junk', () => {
    storage.setItem('landsby.checkin.e1', '{not json');
    expect(loadQueue('e1')).toEqual([]);
    storage.setItem('landsby.checkin.e1', JSON.stringify([{ kind: 'tap' }, tap('h1', 't1')]));
    expect(loadQueue('e1')).toEqual([tap('h1', 't1')]);
  });
});
