import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHouseholdSearch } from '../../shared/use-household-search.js';
import type { NewHousehold } from './checkin-queue.js';
import { FIELDS, LIST, NAME, ROW, STACK, TAP_TARGET } from './styles.js';

/** "Legg til som ikke har svart": a household of the registry, or a new one with one adult. */
export function WalkIn({
  presentIds,
  onAdd,
}: {
  presentIds: ReadonlySet<string>;
  onAdd: (walkIn: { householdId?: string; name: string; newHousehold?: NewHousehold }) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { text, setText, found, error: searchError, search } = useHouseholdSearch();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [mobile, setMobile] = useState('');
  const [missing, setMissing] = useState<{ firstName?: boolean; lastName?: boolean }>({});
  const [added, setAdded] = useState('');

  /** No one of that name in the registry: the name searched for is the new household's, not to
   * be typed again (WCAG 3.3.7). "Kari Nordmann" → Kari, Nordmann; a single word could be either. */
  const find = async (event: FormEvent) => {
    const hits = await search(event);
    const words = text.trim().split(/\s+/);
    if (hits?.length !== 0 || words.length < 2) return;
    setFirstName((first) => first || words.slice(0, -1).join(' '));
    setLastName((last) => last || (words.at(-1) ?? ''));
  };

  const addNew = (event: FormEvent) => {
    event.preventDefault();
    const first = firstName.trim();
    const last = lastName.trim();
    setMissing({ firstName: !first, lastName: !last });
    if (!first || !last) return;
    const name = `${first} ${last}`;
    onAdd({ name, newHousehold: { firstName: first, lastName: last, mobile: mobile.trim() || null } });
    setFirstName('');
    setLastName('');
    setMobile('');
    setAdded(t('cafe.checkin.added', { name }));
  };

  return (
    <section aria-labelledby="checkin-walkin-heading" style={STACK}>
      <Heading level={2} data-size="xs" id="checkin-walkin-heading">
        <Button
          variant="secondary"
          aria-expanded={open}
          aria-controls="checkin-walkin"
          onClick={() => setOpen((value) => !value)}
          style={{ ...TAP_TARGET, width: '100%', justifyContent: 'flex-start' }}
        >
          {t('cafe.checkin.walkInOpen')}
        </Button>
      </Heading>
      <div id="checkin-walkin" hidden={!open} style={STACK}>
        {/* Seen here; heard from the page's announcement of every check-in. */}
        <Paragraph>{added}</Paragraph>
        <search style={STACK}>
          <form onSubmit={find} style={FIELDS}>
            <Textfield
              label={t('cafe.checkin.registrySearch')}
              type="search"
              value={text}
              onChange={(event) => setText(event.target.value)}
              autoComplete="off"
            />
            <Button type="submit" variant="secondary" style={TAP_TARGET}>
              {t('cafe.checkin.registryFind')}
            </Button>
          </form>
        </search>
        {searchError ? <Paragraph role="alert">{t('cafe.checkin.registryFailed')}</Paragraph> : null}
        {found ? (
          <ul style={LIST} aria-live="polite" aria-label={t('cafe.checkin.registryResults')}>
            {found.length === 0 ? <li>{t('cafe.checkin.registryNone')}</li> : null}
            {found.map((household) => (
              <li key={household.id} style={ROW}>
                <span style={NAME}>
                  {household.name}
                  {household.place ? `, ${household.place}` : ''}
                </span>
                {presentIds.has(household.id) ? (
                  <span>{t('cafe.checkin.already')}</span>
                ) : (
                  <Button
                    variant="secondary"
                    style={TAP_TARGET}
                    aria-label={t('cafe.checkin.addOne', { name: household.name })}
                    onClick={() => {
                      onAdd({ householdId: household.id, name: household.name });
                      setAdded(t('cafe.checkin.added', { name: household.name }));
                    }}
                  >
                    {t('cafe.checkin.checkIn')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        <form onSubmit={addNew} style={STACK} noValidate>
          <Heading level={3} data-size="xs">
            {t('cafe.checkin.newHeading')}
          </Heading>
          <div style={FIELDS}>
            <Textfield
              label={t('cafe.checkin.firstName')}
              value={firstName}
              onChange={(event) => setFirstName(event.target.value)}
              autoComplete="off"
              required
              error={missing.firstName ? t('cafe.checkin.required') : undefined}
            />
            <Textfield
              label={t('cafe.checkin.lastName')}
              value={lastName}
              onChange={(event) => setLastName(event.target.value)}
              autoComplete="off"
              required
              error={missing.lastName ? t('cafe.checkin.required') : undefined}
            />
            <Textfield
              label={t('cafe.checkin.mobile')}
              type="tel"
              value={mobile}
              onChange={(event) => setMobile(event.target.value)}
              autoComplete="off"
            />
          </div>
          <div>
            <Button type="submit" style={TAP_TARGET}>
              {t('cafe.checkin.addNew')}
            </Button>
          </div>
        </form>
      </div>
    </section>
  );
}
