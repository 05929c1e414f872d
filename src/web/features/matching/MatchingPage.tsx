import {
  Button,
  Card,
  Checkbox,
  Fieldset,
  Heading,
  Link,
  Paragraph,
  Radio,
  Spinner,
  Textfield,
} from '@digdir/designsystemet-react';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { ChoiceResult, MatchingChildList, Proposals } from '../../../features/matching/contract.js';
import { api } from '../../shared/api.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { ChooseNetwork } from './ChooseNetwork.js';
import { Reasons } from './Reasons.js';
import './matching.css';

/**
 * /nettverk/sammensetting: the team picks the children, Landsby proposes the member homes and a
 * resource family with the reasons, and the team chooses (a new network, or one that exists).
 */
export function MatchingPage() {
  const { t } = useTranslation();
  const [reload, setReload] = useState(0);
  const children = useLoad<MatchingChildList>('/api/matching/children', reload);
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [pickError, setPickError] = useState<string>();
  const [siblingNotice, setSiblingNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [proposals, setProposals] = useState<Proposals>();
  const [homes, setHomes] = useState<string[]>([]);
  const [family, setFamily] = useState('');
  const [done, setDone] = useState<ChoiceResult>();
  const [busy, setBusy] = useState(false);
  const proposalsRef = useRef<HTMLHeadingElement>(null);

  const all = children.data?.children ?? [];
  const names = useMemo(() => new Map(all.map((c) => [c.id, c.firstName])), [all]);
  const shown = all.filter((c) =>
    `${c.firstName} ${c.householdName}`.toLowerCase().includes(filter.trim().toLowerCase()),
  );

  const run = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const propose = () => {
    if (picked.length === 0) {
      setPickError(t('matching.pickSome'));
      document.getElementById(`child-${all[0]?.id}`)?.focus();
      return;
    }
    void run(async () => {
      const answer = await api.post<Proposals>('/api/matching/proposals', { childIds: picked });
      setProposals(answer);
      setHomes(answer.members.map((m) => m.householdId));
      const first = answer.resourceFamilies.find((r) => !r.reasons.some((x) => x.code === 'candidate'));
      setFamily(first?.householdId ?? '');
      setDone(undefined);
      setTimeout(() => proposalsRef.current?.focus());
    });
  };

  const markSiblings = () => {
    if (picked.length < 2) {
      setPickError(t('matching.pickTwo'));
      return;
    }
    void run(async () => {
      await api.post('/api/matching/siblings', { childIds: picked });
      setSiblingNotice(t('matching.siblingsSaved'));
      setReload((n) => n + 1);
    });
  };

  const leaveSiblings = (childId: string) =>
    run(async () => {
      await api.post('/api/matching/siblings/leave', { childId });
      setSiblingNotice(t('matching.siblingsLeft', { name: names.get(childId) ?? '' }));
      setReload((n) => n + 1);
    });

  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);

  return (
    <Page title={t('matching.title')}>
      <Paragraph className="measure">{t('matching.intro')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/nettverk/kandidater">{t('matching.candidatesLink')}</RouterLink>
        </Link>
      </Paragraph>
      <ErrorNotice error={children.error} />
      {children.loading && !children.data ? <Spinner aria-label={t('app.loading')} /> : null}
      {children.data && all.length === 0 ? <Paragraph>{t('matching.noChildren')}</Paragraph> : null}
      {all.length > 0 ? (
        <section className="matching-step" aria-labelledby="matching-pick">
          <Heading level={2} data-size="sm" id="matching-pick">
            {t('matching.pickHeading')}
          </Heading>
          <Textfield
            label={t('matching.filter')}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            autoComplete="off"
          />
          <Fieldset>
            <Fieldset.Legend>{t('matching.picked', { count: picked.length })}</Fieldset.Legend>
            {shown.map((c) => (
              <Checkbox
                key={c.id}
                id={`child-${c.id}`}
                label={t('matching.childLabel', {
                  name: c.firstName,
                  age: c.age,
                  household: c.householdName,
                })}
                description={
                  [
                    c.siblingIds.length > 0
                      ? t('matching.siblingsOf', {
                          names: c.siblingIds.map((id) => names.get(id)).join(', '),
                        })
                      : '',
                    c.inNetwork ? t('matching.inNetwork') : '',
                  ]
                    .filter(Boolean)
                    .join('. ') || undefined
                }
                checked={picked.includes(c.id)}
                onChange={(event) => {
                  setPicked((current) => toggle(current, c.id, event.target.checked));
                  setPickError(undefined);
                }}
              />
            ))}
          </Fieldset>
          {pickError ? <Notice kind="warning">{pickError}</Notice> : null}
          <div className="button-row">
            <Button type="button" onClick={propose} loading={busy}>
              {t('matching.propose')}
            </Button>
          </div>
          <details className="matching-siblings">
            <summary>{t('matching.siblingsHeading')}</summary>
            <Paragraph data-size="sm">{t('matching.siblingsHelp')}</Paragraph>
            <div className="button-row">
              <Button type="button" variant="secondary" onClick={markSiblings}>
                {t('matching.markSiblings')}
              </Button>
              {all
                .filter((c) => picked.includes(c.id) && c.siblingIds.length > 0)
                .map((c) => (
                  <Button
                    key={c.id}
                    type="button"
                    variant="tertiary"
                    onClick={() => void leaveSiblings(c.id)}
                  >
                    {t('matching.leaveSiblings', { name: c.firstName })}
                  </Button>
                ))}
            </div>
            {siblingNotice ? <Notice>{siblingNotice}</Notice> : null}
          </details>
        </section>
      ) : null}
      <ErrorNotice error={error} />
      {proposals ? (
        <section className="matching-step" aria-labelledby="matching-proposals">
          <Heading level={2} data-size="sm" id="matching-proposals" ref={proposalsRef} tabIndex={-1}>
            {t('matching.proposalsHeading')}
          </Heading>
          <Paragraph data-size="sm" className="measure">
            {t('matching.travelNote')}
          </Paragraph>
          <Heading level={3} data-size="xs">
            {t('matching.membersHeading')}
          </Heading>
          <ProposalCards
            items={proposals.members}
            render={(p) => (
              <Checkbox
                label={t('matching.include', { name: p.name })}
                checked={homes.includes(p.householdId)}
                onChange={(event) =>
                  setHomes((current) => toggle(current, p.householdId, event.target.checked))
                }
              />
            )}
          />
          <Heading level={3} data-size="xs">
            {t('matching.suggestionsHeading')}
          </Heading>
          {proposals.suggestions.length === 0 ? <Paragraph>{t('matching.noSuggestions')}</Paragraph> : null}
          <ProposalCards
            items={proposals.suggestions}
            render={(p) => (
              <Checkbox
                label={t('matching.include', { name: p.name })}
                checked={homes.includes(p.householdId)}
                onChange={(event) =>
                  setHomes((current) => toggle(current, p.householdId, event.target.checked))
                }
              />
            )}
          />
          <Heading level={3} data-size="xs">
            {t('matching.resourceFamiliesHeading')}
          </Heading>
          {proposals.resourceFamilies.length === 0 ? (
            <Paragraph>{t('matching.noResourceFamilies')}</Paragraph>
          ) : null}
          <ProposalCards
            items={proposals.resourceFamilies}
            render={(p) => (
              <Radio
                name="matching-family"
                label={t('matching.chooseResourceFamily', { name: p.name })}
                value={p.householdId}
                checked={family === p.householdId}
                disabled={p.reasons.some((r) => r.code === 'candidate')}
                onChange={() => setFamily(p.householdId)}
              />
            )}
          />
          <ChooseNetwork
            homes={homes}
            family={family}
            onDone={(result) => {
              setDone(result);
              setReload((n) => n + 1);
            }}
          />
          {done ? (
            <Notice>
              {t('matching.chosen', { count: done.proposed })}{' '}
              <Link asChild>
                <RouterLink to={`/nettverk/${done.networkId}`}>{t('matching.openNetwork')}</RouterLink>
              </Link>
            </Notice>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}

function ProposalCards({
  items,
  render,
}: {
  items: Proposals['members'];
  render: (p: Proposals['members'][number]) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <ul className="matching-cards">
      {items.map((p) => (
        <li key={p.householdId}>
          <Card data-color="neutral" className="matching-card">
            <Heading level={4} data-size="2xs">
              {p.name}
            </Heading>
            <Reasons reasons={p.reasons} />
            {render(p)}
          </Card>
        </li>
      ))}
    </ul>
  );
}
