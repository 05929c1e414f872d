import { Button, Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortChoices, CohortView } from '../../../features/good-start/contract.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useLoad } from '../../shared/use-load.js';

/**
 * A joint cohort (several municipalities): who hosts it and who takes part; for the host, adding a
 * fellow member of the programme as a partner; for everyone, adding its own foster homes.
 */
export function JointCohort({
  cohort,
  onAddPartner,
  onAddMember,
}: {
  cohort: CohortView;
  onAddPartner: (municipalityId: number) => void;
  onAddMember: (householdId: string) => void;
}) {
  const { t } = useTranslation();
  const choices = useLoad<CohortChoices>('/api/cohorts/choices');
  const [partner, setPartner] = useState('');
  const [household, setHousehold] = useState('');
  const inCohort = new Set(cohort.members.map((m) => m.householdId));
  const households = (choices.data?.households ?? []).filter((h) => !inCohort.has(h.id));
  return (
    <section aria-labelledby="joint-heading" className="stack">
      <Heading level={2} data-size="sm" id="joint-heading">
        {t('goodStart.columns.members')}
      </Heading>
      {cohort.role === 'partner' ? (
        <Paragraph>{t('goodStart.jointPartner', { host: cohort.host })}</Paragraph>
      ) : cohort.partners.length > 0 ? (
        <Paragraph>
          {t('goodStart.jointHost', { host: cohort.host, partners: cohort.partners.join(', ') })}
        </Paragraph>
      ) : null}
      {cohort.role === 'partner' && cohort.sessions.length === 0 ? (
        <Paragraph data-size="sm">{t('goodStart.jointNoSessions')}</Paragraph>
      ) : null}
      {cohort.partnerChoices.length > 0 ? (
        <div className="button-row">
          <Field>
            <Label>{t('goodStart.partnerMunicipality')}</Label>
            <Select id="cohort-partner" value={partner} onChange={(e) => setPartner(e.target.value)}>
              <Select.Option value="">–</Select.Option>
              {cohort.partnerChoices.map((c) => (
                <Select.Option key={c.id} value={String(c.id)}>
                  {c.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Button variant="secondary" disabled={!partner} onClick={() => onAddPartner(Number(partner))}>
            {t('goodStart.addPartner')}
          </Button>
        </div>
      ) : null}
      {households.length > 0 ? (
        <div className="button-row">
          <Field>
            <Label>{t('goodStart.columns.household')}</Label>
            <Select id="cohort-household" value={household} onChange={(e) => setHousehold(e.target.value)}>
              <Select.Option value="">–</Select.Option>
              {households.map((h) => (
                <Select.Option key={h.id} value={h.id}>
                  {h.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Button
            variant="secondary"
            disabled={!household}
            onClick={() => {
              onAddMember(household);
              setHousehold('');
            }}
          >
            {t('goodStart.addMember')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

/** The other municipalities' foster homes as counts: how many, and how many came to each session. */
export function OtherMunicipalities({ cohort }: { cohort: CohortView }) {
  const { t } = useTranslation();
  if (cohort.others.length === 0) return null;
  return (
    <section aria-labelledby="others-heading" className="stack">
      <Heading level={2} data-size="sm" id="others-heading">
        {t('goodStart.othersHeading')}
      </Heading>
      <ScrollTable label={t('goodStart.othersHeading')}>
        <Table data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('goodStart.partnerMunicipality')}</Table.HeaderCell>
              <Table.HeaderCell>{t('goodStart.othersMembers')}</Table.HeaderCell>
              {[1, 2, 3, 4, 5, 6].map((theme) => (
                <Table.HeaderCell key={theme} title={t('goodStart.othersPresentAt', { theme })}>
                  {t('goodStart.sessionShort', { theme })}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {cohort.others.map((o) => (
              <Table.Row key={o.municipality}>
                <Table.HeaderCell scope="row">{o.municipality}</Table.HeaderCell>
                <Table.Cell>{o.members}</Table.Cell>
                {o.present.map((n, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the index is the session's theme
                  <Table.Cell key={i}>{n}</Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollTable>
    </section>
  );
}
