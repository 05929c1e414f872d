import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Link,
  Paragraph,
  Spinner,
  Textfield,
} from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { HOUSEHOLD_KINDS } from '../../../domain/household.js';
import type { AudienceRule, AudienceView } from '../../../features/audience/contract.js';
import type { EventView } from '../../../features/events/contract.js';
import { api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { when } from '../../shared/dates.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { AddHousehold } from './AddHousehold.js';
import { HouseholdList, NOTE_MAX } from './AudienceHouseholds.js';

/** How long the rule must stay unchanged before the count is asked for. */
const PREVIEW_DELAY_MS = 300;

const ruleQuery = (rule: AudienceRule) => {
  const search = new URLSearchParams({
    maxTravel: String(rule.maxTravel),
    care: String(rule.care),
    oversight: String(rule.oversight),
  });
  for (const kind of rule.kinds) search.append('kind', kind);
  return search.toString();
};

const sameRule = (a: AudienceRule, b: AudienceRule) => ruleQuery(a) === ruleQuery(b);

/**
 * /kafe/:eventId/mottakere: who gets the invitation. A rule over the registry with a live count,
 * households added or taken out by hand, and a one-line personal note per household typed down
 * the list: type, Enter, next row.
 */
export function AudiencePage() {
  const { t, i18n } = useTranslation();
  const { eventId = '' } = useParams();
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const event = useLoad<EventView>(base);
  const loaded = useLoad<AudienceView>(`${base}/audience`);
  const [saved, setSaved] = useState<AudienceView>();
  const [draft, setDraft] = useState<AudienceRule>();
  const [travelText, setTravelText] = useState('');
  const [preview, setPreview] = useState<AudienceView>();
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<unknown>();
  const [savingRule, setSavingRule] = useState(false);
  const [ruleSaved, setRuleSaved] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    setSaved(loaded.data);
    setDraft(loaded.data.rule);
    setTravelText(String(loaded.data.rule.maxTravel));
  }, [loaded.data]);

  const dirty = saved && draft ? !sameRule(saved.rule, draft) : false;

  // The live count: asked for once the rule has stayed the same for a moment.
  useEffect(() => {
    if (!draft || !saved || sameRule(saved.rule, draft)) {
      setPreview(undefined);
      return;
    }
    if (draft.kinds.length === 0) {
      setPreview({ rule: draft, count: 0, households: [] });
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      setPreviewing(true);
      api
        .get<AudienceView>(`${base}/audience/preview?${ruleQuery(draft)}`)
        .then((answer) => current && setPreview(answer))
        .catch((caught) => current && setError(caught))
        .finally(() => current && setPreviewing(false));
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [draft, saved, base]);

  const changeRule = (next: Partial<AudienceRule>) => {
    if (!draft) return;
    setRuleSaved(false);
    setDraft({ ...draft, ...next });
  };

  const saveRule = async (): Promise<AudienceView | undefined> => {
    if (!draft) return undefined;
    setSavingRule(true);
    setError(undefined);
    try {
      const answer = await api.put<AudienceView>(`${base}/audience/rule`, draft);
      setSaved(answer);
      setDraft(answer.rule);
      setTravelText(String(answer.rule.maxTravel));
      setRuleSaved(true);
      return answer;
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      setSavingRule(false);
    }
  };

  /** Includes or leaves out one household by hand. */
  const setIncluded = async (householdId: string, included: boolean) => {
    setError(undefined);
    const before = saved;
    // The tick moves at once; the server's answer then brings the count and the source.
    if (!dirty && before)
      setSaved({
        ...before,
        households: before.households.map((h) => (h.id === householdId ? { ...h, included } : h)),
      });
    try {
      // A rule changed but not saved is saved first, so the list and the choice agree.
      if (dirty && !(await saveRule())) return;
      const answer = await api.put<AudienceView>(`${base}/audience/${encodeURIComponent(householdId)}`, {
        included,
      });
      setSaved(answer);
    } catch (caught) {
      if (before) setSaved(before);
      setError(caught);
    }
  };

  const noteSaved = useCallback((id: string, note: string | null) => {
    const patch = (answer: AudienceView | undefined) =>
      answer && {
        ...answer,
        households: answer.households.map((household) =>
          household.id === id ? { ...household, note } : household,
        ),
      };
    setSaved(patch);
    setPreview(patch);
  }, []);

  const shown = dirty ? (preview ?? saved) : saved;
  const count = dirty ? preview?.count : saved?.count;
  const number = (value: number) =>
    new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nb-NO').format(value);

  const title = t('cafe.audience.title');
  return (
    <Page title={event.data ? `${title} – ${event.data.title}` : title} heading={title}>
      {event.data ? <Paragraph className="measure">{when(t, i18n.language, event.data)}</Paragraph> : null}
      <Paragraph className="measure">{t('cafe.audience.intro')}</Paragraph>
      <CafeError error={loaded.error ?? event.error} />
      {loaded.loading && !loaded.data ? <Spinner aria-label={t('app.loading')} /> : null}
      {draft ? (
        <section aria-labelledby="audience-rule-heading" className="stack">
          <Heading level={2} data-size="sm" id="audience-rule-heading">
            {t('cafe.audience.ruleHeading')}
          </Heading>
          <div className="cafe-rule">
            <Textfield
              id="audience-travel"
              type="number"
              min={0}
              max={1440}
              label={t('cafe.audience.maxTravel')}
              description={t('cafe.audience.maxTravelHint')}
              suffix={t('cafe.audience.minutes')}
              value={travelText}
              onChange={(e) => {
                setTravelText(e.target.value);
                const value = Number(e.target.value);
                if (e.target.value !== '' && Number.isInteger(value) && value >= 0 && value <= 1440)
                  changeRule({ maxTravel: value });
              }}
              className="cafe-rule__travel"
            />
            <Fieldset>
              <Fieldset.Legend>{t('cafe.audience.relations')}</Fieldset.Legend>
              <Checkbox
                label={t('cafe.audience.care')}
                checked={draft.care}
                onChange={(e) => changeRule({ care: e.target.checked })}
              />
              <Checkbox
                label={t('cafe.audience.oversight')}
                checked={draft.oversight}
                onChange={(e) => changeRule({ oversight: e.target.checked })}
              />
            </Fieldset>
            <Fieldset>
              <Fieldset.Legend>{t('cafe.audience.kinds')}</Fieldset.Legend>
              {HOUSEHOLD_KINDS.map((kind) => (
                <Checkbox
                  key={kind}
                  label={t(`registry.kinds.${kind}`)}
                  checked={draft.kinds.includes(kind)}
                  onChange={(e) =>
                    changeRule({
                      kinds: e.target.checked
                        ? [...draft.kinds, kind]
                        : draft.kinds.filter((k) => k !== kind),
                    })
                  }
                />
              ))}
            </Fieldset>
          </div>
          <p role="status" className="cafe-count" aria-live="polite">
            {count === undefined
              ? previewing || dirty
                ? t('cafe.audience.counting')
                : ''
              : dirty
                ? t('cafe.audience.countPreview', { count, number: number(count) })
                : t('cafe.audience.count', { count, number: number(count) })}
          </p>
          {dirty ? (
            <div className="button-row">
              <Button onClick={saveRule} loading={savingRule}>
                {t('cafe.audience.saveRule')}
              </Button>
              <Button
                variant="secondary"
                onClick={() => {
                  if (!saved) return;
                  setDraft(saved.rule);
                  setTravelText(String(saved.rule.maxTravel));
                }}
              >
                {t('cafe.audience.resetRule')}
              </Button>
            </div>
          ) : ruleSaved ? (
            <Paragraph data-size="sm">{t('cafe.audience.ruleSaved')}</Paragraph>
          ) : null}
        </section>
      ) : null}
      <CafeError error={error} />
      {shown ? (
        <section aria-labelledby="audience-list-heading" className="stack">
          <Heading level={2} data-size="sm" id="audience-list-heading">
            {t('cafe.audience.listHeading')}
          </Heading>
          <Paragraph data-size="sm" className="measure" id="audience-note-hint">
            {t('cafe.audience.noteHint', { max: NOTE_MAX })}
          </Paragraph>
          {dirty ? <Paragraph data-size="sm">{t('cafe.audience.previewList')}</Paragraph> : null}
          <HouseholdList
            households={shown.households}
            base={base}
            onToggle={(household, included) => setIncluded(household.id, included)}
            onNoteSaved={noteSaved}
          />
        </section>
      ) : null}
      {shown ? (
        <AddHousehold
          includedIds={new Set(shown.households.filter((h) => h.included).map((h) => h.id))}
          onAdd={(householdId) => setIncluded(householdId, true)}
        />
      ) : null}
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/kafe/${eventId}`}>{t('cafe.audience.back')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}
