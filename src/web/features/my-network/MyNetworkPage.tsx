import { Button, Card, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CallBackResult,
  ContactList,
  MyMember,
  MyNetworkView,
} from '../../../features/networks/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { shortDate } from '../../shared/dates.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { listOf } from '../networks/format.js';
import { formatPhone } from '../registry/format.js';
import { ContactForm } from './ContactForm.js';
import { MyNetworkNav } from './MyNetworkNav.js';
import './my-network.css';
import { Address, addressLines } from '../../shared/Address.js';

/** /mitt-nettverk: the resource family's network — a contact logged in seconds, the families, a call back. */
export function MyNetworkPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { data: network, error } = useLoad<MyNetworkView>('/api/my-network');
  const [reload, setReload] = useState(0);
  const contacts = useLoad<ContactList>(network ? '/api/my-network/contacts' : null, reload);

  // 404: the account is not linked to a network (yet).
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Page title={t('nav.myNetwork')}>
        <Paragraph className="measure">{t('myNetwork.noNetwork')}</Paragraph>
      </Page>
    );
  }

  return (
    <Page title={t('nav.myNetwork')}>
      <MyNetworkNav />
      <ErrorNotice error={error} />
      {!network && !error ? <Spinner aria-label={t('app.loading')} /> : null}
      {network ? (
        <>
          <Paragraph className="measure">{t('myNetwork.intro', { name: network.name })}</Paragraph>
          <CallBack caseworkers={network.caseworkers.map((c) => `${c.firstName} ${c.lastName}`)} />
          <ContactForm network={network} onSaved={() => setReload((count) => count + 1)} />
          <section aria-labelledby="my-network-families-heading" className="stack">
            <Heading level={2} data-size="sm" id="my-network-families-heading">
              {t('myNetwork.families.heading')}
            </Heading>
            {network.members.length === 0 ? <Paragraph>{t('myNetwork.families.none')}</Paragraph> : null}
            <ul className="my-network-cards">
              {network.members.map((member) => (
                <li key={member.householdId}>
                  <FamilyCard member={member} />
                </li>
              ))}
            </ul>
            {network.left.length ? (
              <ul className="my-network-log">
                {network.left.map((household) => (
                  <li key={`${household.name}-${household.leftOn}`}>
                    {t('myNetwork.families.left', {
                      name: household.name,
                      date: shortDate(household.leftOn, language),
                    })}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          <section aria-labelledby="my-network-log-heading" className="stack">
            <Heading level={2} data-size="sm" id="my-network-log-heading">
              {t('myNetwork.log.heading')}
            </Heading>
            <ErrorNotice error={contacts.error} />
            {contacts.data && contacts.data.contacts.length === 0 ? (
              <Paragraph>{t('myNetwork.log.empty')}</Paragraph>
            ) : null}
            <ul className="my-network-log">
              {contacts.data?.contacts.slice(0, 20).map((contact) => (
                <li key={contact.id}>
                  <strong>{shortDate(contact.date, language)}</strong>{' '}
                  {t('myNetwork.log.entry', {
                    household: contact.householdName,
                    kind: t(`myNetwork.kinds.${contact.kind}`),
                    category: contact.category,
                  })}
                  {contact.note ? <span className="my-network-muted"> – {contact.note}</span> : null}
                </li>
              ))}
            </ul>
          </section>
          <Paragraph className="measure">
            {t('myNetwork.caseworkers', {
              names: listOf(
                network.caseworkers.map((c) => `${c.firstName} ${c.lastName}`),
                language,
              ),
            })}
          </Paragraph>
        </>
      ) : null}
    </Page>
  );
}

/** One family of the network: the adults' names and how to reach them, the address, the children. */
function FamilyCard({ member }: { member: MyMember }) {
  const { t } = useTranslation();
  const headingId = `family-${member.householdId}`;
  return (
    <Card data-color="neutral" className="my-network-card" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {member.name}
      </Heading>
      <ul className="my-network-people">
        {member.adults.map((adult) => (
          <li key={`${adult.firstName}-${adult.lastName}`}>
            <strong>
              {adult.firstName} {adult.lastName}
            </strong>
            {adult.mobile ? (
              <Link href={`tel:${adult.mobile}`}>
                {t('myNetwork.families.call', { phone: formatPhone(adult.mobile) })}
              </Link>
            ) : null}
            {adult.email ? <Link href={`mailto:${adult.email}`}>{adult.email}</Link> : null}
          </li>
        ))}
      </ul>
      {addressLines(member.address).length > 0 ? (
        <Paragraph data-size="sm">
          <Address address={member.address} empty="" />
        </Paragraph>
      ) : null}
      {member.children.length ? (
        <Paragraph data-size="sm">
          {t('myNetwork.families.children', {
            children: member.children
              .map((child) =>
                t('myNetwork.families.child', {
                  name: child.firstName ?? t('myNetwork.families.aChild'),
                  count: child.age,
                }),
              )
              .join(', '),
          })}
        </Paragraph>
      ) : null}
    </Card>
  );
}

/**
 * «Jeg trenger å snakke med barnevernet»: asks the two caseworkers to call back. Nothing of what
 * it is about is written down here — that goes through the phone call (the duty to report).
 */
function CallBack({ caseworkers }: { caseworkers: string[] }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CallBackResult>();
  const [error, setError] = useState<unknown>();

  const ask = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      setDone(await api.post<CallBackResult>('/api/my-network/call-back'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card data-color="accent" className="my-network-card my-network-callback">
      <Paragraph>{t('myNetwork.callBack.hint', { names: listOf(caseworkers, i18n.language) })}</Paragraph>
      {done ? (
        <Notice>{t('myNetwork.callBack.done')}</Notice>
      ) : (
        <div className="button-row">
          <Button onClick={ask} loading={busy} aria-disabled={busy || undefined}>
            {t('myNetwork.callBack.button')}
          </Button>
        </div>
      )}
      <ErrorNotice error={error} />
    </Card>
  );
}
