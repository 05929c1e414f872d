import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Spinner,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../domain/calendar.js';
import { SUPERVISION_MAX_DAYS, SUPERVISION_NOTE_MAX } from '../../../domain/supervision.js';
import type { SupervisionView, TalkInput } from '../../../features/supervision/contract.js';
import { api } from '../../shared/api.js';
import { longDate, shortDate } from '../../shared/dates.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useLoad } from '../../shared/use-load.js';
import { useSave } from '../my-network/use-save.js';
import { DueStatus } from './DueStatus.js';
import './supervision.css';

/** The network page's supervision: when the next talk is due, how often, a talk logged, the log. */
export function SupervisionSection({ networkId }: { networkId: string }) {
  const { t, i18n } = useTranslation();
  const path = `/api/networks/${encodeURIComponent(networkId)}/supervision`;
  const { data, error, setData } = useLoad<SupervisionView>(path);
  const [notice, setNotice] = useState('');

  return (
    <section aria-labelledby="veiledning" className="stack">
      <Heading level={2} data-size="sm" id="veiledning" tabIndex={-1}>
        {t('supervision.heading')}
      </Heading>
      <ErrorNotice error={error} />
      {!data && !error ? <Spinner aria-label={t('app.loading')} /> : null}
      {data ? (
        <>
          <Paragraph>
            <DueStatus due={data.due} />
          </Paragraph>
          <Paragraph data-size="sm">
            {t('supervision.every', { count: data.due.intervalDays })}
            {' · '}
            {data.due.lastTalkOn
              ? t('supervision.lastTalk', { date: shortDate(data.due.lastTalkOn, i18n.language) })
              : t('supervision.noTalkYet')}
          </Paragraph>
          {notice ? <Notice>{notice}</Notice> : null}
          <TalkForm
            path={path}
            view={data}
            onSaved={(view) => {
              setData(view);
              setNotice('');
            }}
          />
          <IntervalForm
            path={path}
            days={data.due.intervalDays}
            onSaved={(view) => {
              setData(view);
              setNotice(t('supervision.intervalSaved', { count: view.due.intervalDays }));
            }}
          />
          <Talks view={data} />
        </>
      ) : null}
    </section>
  );
}

type TalkErrors = Partial<Record<'heldOn' | 'participants', string>>;

function TalkForm({
  path,
  view,
  onSaved,
}: {
  path: string;
  view: SupervisionView;
  onSaved: (view: SupervisionView) => void;
}) {
  const { t, i18n } = useTranslation();
  const [heldOn, setHeldOn] = useState(todayInOslo());
  const [caseworkerIds, setCaseworkerIds] = useState(() => view.caseworkers.map((c) => c.id));
  const [adultIds, setAdultIds] = useState(() => view.adults.map((a) => a.id));
  const [note, setNote] = useState('');
  const [id, setId] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<TalkErrors>({});
  const [saved, setSaved] = useState('');
  const { busy, error, begin, save } = useSave();

  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((x) => x !== value);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!begin()) return;
    const found: TalkErrors = {};
    if (!heldOn) found.heldOn = t('supervision.heldOnRequired');
    else if (heldOn > todayInOslo()) found.heldOn = t('supervision.heldOnFuture');
    if (caseworkerIds.length + adultIds.length === 0)
      found.participants = t('supervision.participantsRequired');
    setErrors(found);
    setSaved('');
    if (found.heldOn) {
      document.getElementById('talk-heldOn')?.focus();
      return;
    }
    if (found.participants) {
      document.getElementById(`talk-person-${view.caseworkers[0]?.id ?? view.adults[0]?.id}`)?.focus();
      return;
    }
    const input: TalkInput = { id, heldOn, caseworkerIds, adultIds, note: note.trim() || null };
    await save(async () => {
      const answer = await api.post<SupervisionView>(`${path}/talks`, input);
      onSaved(answer);
      setSaved(
        t('supervision.saved', {
          date: longDate(heldOn, i18n.language),
          next: longDate(answer.due.nextDueOn, i18n.language),
        }),
      );
      setNote('');
      setId(crypto.randomUUID());
    });
  };

  return (
    <section aria-labelledby="talk-form-heading" className="stack">
      <Heading level={3} data-size="xs" id="talk-form-heading">
        {t('supervision.logHeading')}
      </Heading>
      <form noValidate onSubmit={submit} className="stack measure">
        <Textfield
          id="talk-heldOn"
          type="date"
          label={t('supervision.heldOn')}
          value={heldOn}
          max={todayInOslo()}
          onChange={(event) => {
            setHeldOn(event.target.value);
            setErrors((current) => ({ ...current, heldOn: undefined }));
          }}
          error={errors.heldOn}
        />
        <Fieldset>
          <Fieldset.Legend>{t('supervision.participants')}</Fieldset.Legend>
          <div className="supervision-participants">
            {view.caseworkers.map((c) => (
              <Checkbox
                key={c.id}
                id={`talk-person-${c.id}`}
                label={t('supervision.caseworker', { name: `${c.firstName} ${c.lastName}` })}
                value={c.id}
                checked={caseworkerIds.includes(c.id)}
                onChange={(event) => setCaseworkerIds((list) => toggle(list, c.id, event.target.checked))}
              />
            ))}
            {view.adults.map((a) => (
              <Checkbox
                key={a.id}
                id={`talk-person-${a.id}`}
                label={t('supervision.adult', { name: `${a.firstName} ${a.lastName}` })}
                value={a.id}
                checked={adultIds.includes(a.id)}
                onChange={(event) => setAdultIds((list) => toggle(list, a.id, event.target.checked))}
              />
            ))}
          </div>
          {errors.participants ? <ValidationMessage>{errors.participants}</ValidationMessage> : null}
        </Fieldset>
        <Textfield
          id="talk-note"
          multiline
          rows={3}
          label={t('supervision.note')}
          description={t('supervision.noteHint')}
          value={note}
          maxLength={SUPERVISION_NOTE_MAX}
          onChange={(event) => setNote(event.target.value)}
        />
        <FormFoot saved={saved} error={error} busy={busy} label={t('supervision.save')} />
      </form>
    </section>
  );
}

function IntervalForm({
  path,
  days,
  onSaved,
}: {
  path: string;
  days: number;
  onSaved: (view: SupervisionView) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(days));
  const [invalid, setInvalid] = useState(false);
  const { busy, error, begin, save } = useSave();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!begin()) return;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > SUPERVISION_MAX_DAYS) {
      setInvalid(true);
      document.getElementById('supervision-interval')?.focus();
      return;
    }
    setInvalid(false);
    await save(async () => onSaved(await api.put<SupervisionView>(`${path}/interval`, { days: n })));
  };

  return (
    <form noValidate onSubmit={submit} className="stack measure">
      <Textfield
        id="supervision-interval"
        type="number"
        inputMode="numeric"
        min={1}
        max={SUPERVISION_MAX_DAYS}
        label={t('supervision.intervalLabel')}
        description={t('supervision.intervalHint')}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setInvalid(false);
        }}
        error={invalid ? t('supervision.intervalInvalid') : undefined}
      />
      <ErrorNotice error={error} />
      <div className="button-row">
        <Button type="submit" variant="secondary" loading={busy}>
          {t('supervision.intervalSave')}
        </Button>
      </div>
    </form>
  );
}

function Talks({ view }: { view: SupervisionView }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="talks-heading" className="stack">
      <Heading level={3} data-size="xs" id="talks-heading">
        {t('supervision.talksHeading')}
      </Heading>
      {view.talks.length === 0 ? (
        <Paragraph>{t('supervision.noTalks')}</Paragraph>
      ) : (
        <ScrollTable label={t('supervision.talksHeading')}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('supervision.date')}</Table.HeaderCell>
                <Table.HeaderCell>{t('supervision.who')}</Table.HeaderCell>
                <Table.HeaderCell>{t('supervision.noteColumn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {view.talks.map((talk) => (
                <Table.Row key={talk.id}>
                  <Table.Cell>{shortDate(talk.heldOn, i18n.language)}</Table.Cell>
                  <Table.Cell>{talk.participants.map((p) => p.name).join(', ')}</Table.Cell>
                  <Table.Cell className="supervision-note">{talk.note ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}
