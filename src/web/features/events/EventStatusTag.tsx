import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../domain/calendar.js';
import type { EventView } from '../../../features/events/contract.js';

/** Whether the café's day has gone (Oslo time): it is then held, and the planner's rules no longer apply. */
export function isPast(event: Pick<EventView, 'date'>): boolean {
  return event.date < todayInOslo();
}

/** The café's status as the team reads it: a planned café whose day has gone is held, not planned. */
export function EventStatusTag({ event }: { event: Pick<EventView, 'date' | 'status'> }) {
  const { t } = useTranslation();
  const status = event.status === 'planned' && isPast(event) ? 'held' : event.status;
  const color = status === 'cancelled' ? 'danger' : status === 'held' ? 'neutral' : 'success';
  return (
    <Tag data-size="sm" data-color={color}>
      {t(`cafe.status.${status}`)}
    </Tag>
  );
}
