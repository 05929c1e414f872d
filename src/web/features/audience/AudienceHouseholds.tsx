import { Checkbox, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { AudienceHousehold } from '../../../features/audience/contract.js';
import { api } from '../../shared/api.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { NARROW, useMediaQuery } from '../../shared/use-media-query.js';

/** The longest note on a household's place in the audience, as the server allows it. */
export const NOTE_MAX = 140;

export function HouseholdList({
  households,
  base,
  onToggle,
  onNoteSaved,
}: {
  households: AudienceHousehold[];
  base: string;
  onToggle: (household: AudienceHousehold, included: boolean) => void;
  onNoteSaved: (id: string, note: string | null) => void;
}) {
  const { t } = useTranslation();
  const [announce, setAnnounce] = useState('');
  const ids = households.map((household) => household.id);

  const focusNext = (id: string) => {
    const index = ids.indexOf(id);
    const next = ids[index + 1];
    if (next) document.getElementById(`note-${next}`)?.focus();
  };

  const narrow = useMediaQuery(NARROW);
  const kindText = (household: AudienceHousehold) =>
    `${t(`registry.kinds.${household.kind}`)}, ${t(`registry.relationsShort.${household.relation}`).toLowerCase()}`;
  const travelText = (household: AudienceHousehold) =>
    household.travelMinutes === null
      ? t('cafe.audience.travelUnknown')
      : t('cafe.audience.travelMinutes', { minutes: household.travelMinutes });
  const languagesText = (household: AudienceHousehold) =>
    household.languages.map((code) => t(`registry.languages.${code}`, { defaultValue: code })).join(', ') ||
    '–';
  const sourceTag = (household: AudienceHousehold) => (
    <Tag
      data-size="sm"
      data-color={
        household.source === 'rule' ? 'neutral' : household.source === 'added' ? 'success' : 'warning'
      }
    >
      {household.source === 'rule'
        ? household.included
          ? t('cafe.audience.sources.rule')
          : t('cafe.audience.sources.outside')
        : t(`cafe.audience.sources.${household.source}`)}
    </Tag>
  );
  const name = (household: AudienceHousehold) => household.name || t('registry.noName');
  const note = (household: AudienceHousehold) => (
    <NoteField
      household={household}
      base={base}
      onSaved={(value) => {
        onNoteSaved(household.id, value);
        setAnnounce(t('cafe.audience.noteSavedFor', { name: household.name }));
      }}
      onNext={() => focusNext(household.id)}
    />
  );
  const invite = (household: AudienceHousehold) => (
    <Checkbox
      aria-label={t('cafe.audience.inviteName', { name: name(household) })}
      checked={household.included}
      onChange={(e) => onToggle(household, e.target.checked)}
    />
  );

  if (narrow)
    return (
      <>
        <ul className="cafe-audience-cards" aria-label={t('cafe.audience.tableLabel')}>
          {households.map((household) => (
            <li key={household.id} className="cafe-audience-card">
              <div className="cafe-audience-card__head">
                {invite(household)}
                <Link asChild>
                  <RouterLink to={`/register/${household.id}`}>{name(household)}</RouterLink>
                </Link>
              </div>
              <Paragraph data-size="sm">
                {kindText(household)} · {travelText(household)} · {languagesText(household)}
              </Paragraph>
              <div>{sourceTag(household)}</div>
              {note(household)}
            </li>
          ))}
        </ul>
        <p role="status" className="visually-hidden">
          {announce}
        </p>
      </>
    );

  return (
    <>
      <ScrollTable label={t('cafe.audience.tableLabel')}>
        <Table zebra className="data-table cafe-audience-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('cafe.audience.invite')}</Table.HeaderCell>
              <Table.HeaderCell>{t('cafe.audience.household')}</Table.HeaderCell>
              <Table.HeaderCell>{t('cafe.audience.note')}</Table.HeaderCell>
              <Table.HeaderCell>{t('cafe.audience.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('cafe.audience.travel')}</Table.HeaderCell>
              <Table.HeaderCell>{t('cafe.audience.languages')}</Table.HeaderCell>
              <Table.HeaderCell>{t('cafe.audience.why')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {households.map((household) => (
              <Table.Row key={household.id}>
                <Table.Cell>{invite(household)}</Table.Cell>
                <Table.Cell>
                  <Link asChild>
                    <RouterLink to={`/register/${household.id}`}>{name(household)}</RouterLink>
                  </Link>
                </Table.Cell>
                <Table.Cell>{note(household)}</Table.Cell>
                <Table.Cell>{kindText(household)}</Table.Cell>
                <Table.Cell className="nowrap">{travelText(household)}</Table.Cell>
                <Table.Cell>{languagesText(household)}</Table.Cell>
                <Table.Cell>{sourceTag(household)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollTable>
      <p role="status" className="visually-hidden">
        {announce}
      </p>
    </>
  );
}

/** One household's personal line: Enter saves and moves on to the next row; leaving the field saves too. */
function NoteField({
  household,
  base,
  onSaved,
  onNext,
}: {
  household: AudienceHousehold;
  base: string;
  onSaved: (note: string | null) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(household.note ?? '');
  const stored = useRef(household.note ?? '');
  /** What was last sent, so Enter and the blur that follows it save once. */
  const sent = useRef(household.note ?? '');
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');

  const save = async () => {
    const value = text.replace(/\s+/g, ' ').trim();
    if (value === sent.current) return;
    sent.current = value;
    setState('saving');
    try {
      await api.put(`${base}/audience/${encodeURIComponent(household.id)}/note`, { note: value || null });
      stored.current = value;
      setState('saved');
      onSaved(value || null);
    } catch {
      sent.current = stored.current;
      setState('failed');
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void save();
    onNext();
  };

  return (
    <div className="cafe-note">
      <Textfield
        id={`note-${household.id}`}
        aria-label={t('cafe.audience.noteFor', { name: household.name || t('registry.noName') })}
        aria-describedby="audience-note-hint"
        maxLength={NOTE_MAX}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (state !== 'saving') setState('idle');
        }}
        onKeyDown={onKeyDown}
        onBlur={() => void save()}
        autoComplete="off"
        data-size="sm"
        className="cafe-note__field"
      />
      <span className={`cafe-note__state cafe-note__state--${state}`} aria-hidden={state !== 'failed'}>
        {state === 'saved'
          ? t('cafe.audience.noteSaved')
          : state === 'failed'
            ? t('cafe.audience.noteFailed')
            : ''}
      </span>
    </div>
  );
}
