import { Checkbox, Field, Fieldset, Heading, Label, Select } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHASES } from '../../../domain/programme.js';
import type { Plan } from '../../../features/programmes/contract.js';
import { useSession } from '../../app/session.js';
import { api } from '../../shared/api.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice } from '../../shared/Notice.js';

/**
 * The caller's own municipality in the programme: the phase it is in and that phase's checklist,
 * which its team changes (events:manage); the project lead sees it in the table above.
 */
export function OwnMunicipality({ plan, onSaved }: { plan: Plan; onSaved: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const own = plan.members.find((m) => m.municipalityId === plan.ownMunicipality);
  const [phase, setPhase] = useState(own?.phase ?? 1);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [tickError, setTickError] = useState<unknown>();
  // Ticked at once on the page; put back if the save fails.
  const [ticked, setTicked] = useState<string[]>(own?.done ?? []);
  if (!own || !user?.permissions.includes('events:manage')) return null;
  const items = PHASES.find((p) => p.phase === own.phase)?.items ?? [];

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(undefined);
    setError(undefined);
    try {
      await api.put(`/api/programmes/${plan.id}/phase`, { phase });
      setSaved(t('programmes.own.phaseSaved'));
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const tick = async (item: string, done: boolean) => {
    setTickError(undefined);
    const before = ticked;
    setTicked(done ? [...before, item] : before.filter((i) => i !== item));
    try {
      await api.put(`/api/programmes/${plan.id}/checks/${item}`, { done });
      onSaved();
    } catch (caught) {
      setTicked(before);
      setTickError(caught);
    }
  };

  return (
    <section aria-labelledby="programme-own" className="stack">
      <Heading level={2} data-size="sm" id="programme-own">
        {t('programmes.own.title', { name: own.name })}
      </Heading>
      <form noValidate onSubmit={save} className="form">
        <Field>
          <Label>{t('programmes.own.phase')}</Label>
          <Select value={String(phase)} onChange={(event) => setPhase(Number(event.target.value))}>
            {PHASES.map((p) => (
              <Select.Option key={p.phase} value={String(p.phase)}>
                {t('programmes.phaseName', { phase: p.phase, name: t(`programmes.phases.${p.phase}`) })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <FormFoot saved={saved} error={error} busy={busy} label={t('programmes.own.savePhase')} />
      </form>
      <Fieldset>
        <Fieldset.Legend>{t('programmes.own.checklist', { phase: own.phase })}</Fieldset.Legend>
        <Fieldset.Description>{t('programmes.own.checklistHelp')}</Fieldset.Description>
        {items.map((item) => (
          <Checkbox
            key={item}
            label={t(`programmes.items.${item}`)}
            value={item}
            checked={ticked.includes(item)}
            onChange={(event) => void tick(item, event.target.checked)}
          />
        ))}
      </Fieldset>
      <ErrorNotice error={tickError} />
    </section>
  );
}
