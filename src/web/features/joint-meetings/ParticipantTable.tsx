import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { quarterOf } from '../../../domain/agreement.js';
import type { JointMeeting } from '../../../features/joint-meetings/contract.js';

/** Per municipality of the meeting: how many were invited and took part (counts only). */
export function ParticipantTable({ meeting }: { meeting: JointMeeting }) {
  const { t } = useTranslation();
  return (
    <div className="scroll-table">
      <Table data-size="sm" className="data-table">
        <caption>{t('jointMeetings.participants')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('jointMeetings.municipality')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('jointMeetings.invited')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('jointMeetings.attended')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {meeting.participants.map((p) => (
            <Table.Row key={p.municipality.id}>
              <Table.HeaderCell scope="row">{p.municipality.name}</Table.HeaderCell>
              {p.invited === null ? (
                <Table.Cell colSpan={2}>{t('jointMeetings.notInvited')}</Table.Cell>
              ) : (
                <>
                  <Table.Cell>{p.invited}</Table.Cell>
                  <Table.Cell>{p.attended ?? '–'}</Table.Cell>
                </>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/** «Kvartalsmøte 1. kvartal 2027» from the meeting's date. */
export function meetingTitle(t: (key: string, values: Record<string, unknown>) => string, date: string) {
  return t('jointMeetings.meetingTitle', quarterOf(date));
}
