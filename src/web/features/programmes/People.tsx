import { Button, Checkbox, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUPS } from '../../../domain/programme.js';
import type { Plan } from '../../../features/programmes/contract.js';
import { api } from '../../shared/api.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';

type Group = (typeof GROUPS)[number];
const EMPTY = { name: '', organisation: '', role: '', email: '', groups: [] as Group[] };

/** The programme's groups and their people; the coordinator adds and removes them. */
export function People({ plan, onChanged }: { plan: Plan; onChanged: () => void }) {
  const { t } = useTranslation();
  const coordinator = plan.access === 'coordinator';
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [removeError, setRemoveError] = useState<unknown>();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(undefined);
    setError(undefined);
    try {
      await api.post(`/api/programmes/${plan.id}/people`, { ...form, email: form.email.trim() || null });
      setSaved(t('programmes.person.added', { name: form.name }));
      setForm(EMPTY);
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string, name: string) => {
    setRemoveError(undefined);
    setSaved(undefined);
    try {
      await api.delete(`/api/programmes/${plan.id}/people/${id}`);
      setSaved(t('programmes.person.removed', { name }));
      onChanged();
    } catch (caught) {
      setRemoveError(caught);
    }
  };

  return (
    <section aria-labelledby="programme-groups" className="stack">
      <Heading level={2} data-size="sm" id="programme-groups">
        {t('programmes.groupsTitle')}
      </Heading>
      <div className="programme-groups">
        {GROUPS.map((group) => {
          const people = plan.people.filter((p) => p.groups.includes(group));
          return (
            <section key={group} aria-labelledby={`programme-group-${group}`}>
              <Heading level={3} data-size="xs" id={`programme-group-${group}`}>
                {t(`programmes.groups.${group}`)}
              </Heading>
              {people.length === 0 ? <Paragraph data-size="sm">{t('programmes.noPeople')}</Paragraph> : null}
              <ul className="programme-people">
                {people.map((p) => (
                  <li key={p.id}>
                    <strong>{p.name}</strong>, {p.role} ({p.organisation})
                    {p.email ? (
                      <>
                        {' '}
                        <a href={`mailto:${p.email}`}>{p.email}</a>
                      </>
                    ) : null}
                    {coordinator ? (
                      <Button variant="tertiary" data-size="sm" onClick={() => void remove(p.id, p.name)}>
                        {t('programmes.person.remove', { name: p.name })}
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <ErrorNotice error={removeError} />
      {coordinator ? (
        <form noValidate onSubmit={add} className="form" aria-labelledby="programme-add-person">
          <Heading level={3} data-size="xs" id="programme-add-person">
            {t('programmes.person.addTitle')}
          </Heading>
          <Textfield
            label={t('programmes.person.name')}
            value={form.name}
            onChange={(event) => setForm({ ...form, name: event.target.value })}
            autoComplete="off"
          />
          <Textfield
            label={t('programmes.person.organisation')}
            value={form.organisation}
            onChange={(event) => setForm({ ...form, organisation: event.target.value })}
            autoComplete="off"
          />
          <Textfield
            label={t('programmes.person.role')}
            value={form.role}
            onChange={(event) => setForm({ ...form, role: event.target.value })}
            autoComplete="off"
          />
          <Textfield
            label={t('programmes.person.email')}
            type="email"
            value={form.email}
            onChange={(event) => setForm({ ...form, email: event.target.value })}
            autoComplete="off"
          />
          <Fieldset>
            <Fieldset.Legend>{t('programmes.person.groups')}</Fieldset.Legend>
            {GROUPS.map((group) => (
              <Checkbox
                key={group}
                label={t(`programmes.groups.${group}`)}
                value={group}
                checked={form.groups.includes(group)}
                onChange={(event) =>
                  setForm({
                    ...form,
                    groups: event.target.checked
                      ? [...form.groups, group]
                      : form.groups.filter((g) => g !== group),
                  })
                }
              />
            ))}
          </Fieldset>
          <FormFoot saved={saved} error={error} busy={busy} label={t('programmes.person.add')} />
        </form>
      ) : saved ? (
        <Notice>{saved}</Notice>
      ) : null}
    </section>
  );
}
