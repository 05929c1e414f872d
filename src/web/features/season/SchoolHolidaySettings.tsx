import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolHolidays } from '../../../features/school-holidays/contract.js';
import { api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { Notice } from '../../shared/Notice.js';
import { useLoad } from '../../shared/use-load.js';

/** The municipality's school holidays: which weeks the winter and autumn breaks fall in. */
export function SchoolHolidaySettings({ year, onSaved }: { year: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const { data, error, setData } = useLoad<SchoolHolidays>(`/api/cafe/school-holidays?year=${year}`);
  const [winter, setWinter] = useState('');
  const [autumn, setAutumn] = useState('');
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!data) return;
    setWinter(data.rules.winterWeek === null ? '' : String(data.rules.winterWeek));
    setAutumn(data.rules.autumnWeek === null ? '' : String(data.rules.autumnWeek));
  }, [data]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!data || busy) return;
    setBusy(true);
    setSaved(false);
    setSaveError(undefined);
    try {
      const answer = await api.put<SchoolHolidays>('/api/cafe/school-holidays', {
        ...data.rules,
        winterWeek: winter ? Number(winter) : null,
        autumnWeek: autumn ? Number(autumn) : null,
      });
      if (answer) setData(answer);
      setSaved(true);
      onSaved();
    } catch (caught) {
      setSaveError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="cafe-holidays-heading" className="stack">
      <Heading level={2} data-size="sm" id="cafe-holidays-heading">
        {t('cafe.holidaySettings.heading')}
      </Heading>
      <Paragraph className="measure" data-size="sm">
        {t('cafe.holidaySettings.intro')}
      </Paragraph>
      <CafeError error={error} />
      {data ? (
        <form noValidate onSubmit={save} className="form">
          <div className="form__row">
            <Field>
              <Label>{t('cafe.holidaySettings.winter')}</Label>
              <Select
                value={winter}
                onChange={(event) => {
                  setWinter(event.target.value);
                  setSaved(false);
                }}
              >
                {['8', '9'].map((week) => (
                  <Select.Option key={week} value={week}>
                    {t('cafe.holidaySettings.week', { week })}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label>{t('cafe.holidaySettings.autumn')}</Label>
              <Select
                value={autumn}
                onChange={(event) => {
                  setAutumn(event.target.value);
                  setSaved(false);
                }}
              >
                {['40', '41'].map((week) => (
                  <Select.Option key={week} value={week}>
                    {t('cafe.holidaySettings.week', { week })}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </div>
          <Paragraph data-size="sm">{t('cafe.holidaySettings.alsoCounted')}</Paragraph>
          <CafeError error={saveError} />
          {saved ? <Notice>{t('cafe.holidaySettings.saved')}</Notice> : null}
          <div>
            <Button type="submit" variant="secondary" loading={busy}>
              {t('cafe.holidaySettings.save')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
