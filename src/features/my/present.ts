import { statusOf } from '../../domain/answer-status.js';
import { todayInOslo } from '../../domain/calendar.js';
import type { MyEvent } from './contract.js';
import type { MyEventRow, MyHousehold } from './queries.js';

/**
 * One invitation as My page shows it. `place` is its place in line (null: not waiting); a
 * household may change its answer until the event starts or its deadline has passed.
 */
export function presentMyEvent(
  row: MyEventRow,
  place: number | null,
  households: Map<string, MyHousehold>,
): MyEvent {
  const today = todayInOslo();
  const started = new Date(row.startsAt).getTime() <= Date.now();
  const deadlinePassed = row.deadline !== null && today > row.deadline;
  return {
    eventId: row.eventId,
    title: row.title,
    date: row.date,
    startTime: row.startTime,
    endTime: row.endTime,
    venue: row.venue,
    programme: row.programme,
    hosts: row.hosts,
    registration: row.registration,
    deadline: row.deadline,
    household: { id: row.householdId, firstNames: households.get(row.householdId)?.firstNames ?? [] },
    answer: row.response
      ? {
          response: row.response,
          adults: row.adults ?? 0,
          children: row.children ?? 0,
          diet: row.diet ?? [],
          dietNote: row.dietNote,
          comment: row.comment,
        }
      : null,
    status: row.response ? statusOf(row.response, place) : null,
    place,
    canChange: !started && !deadlinePassed,
  };
}
