import { Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserList } from '../../../features/users/contract.js';
import { useUser } from '../../app/session.js';
import { ErrorNotice, Notice, type NoticeKind } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import type { AdminUser, InvitationResult } from '../../shared/types.js';
import { useLoad } from '../../shared/use-load.js';
import { InviteUserForm } from './InviteUserForm.js';
import { UsersTable } from './UsersTable.js';

/** /admin/brukere: the municipality admin's list of users, with invitation and role changes. */
export function UsersPage() {
  const { t } = useTranslation();
  const currentUser = useUser();
  const loaded = useLoad<UserList>('/api/admin/users');
  const users = loaded.data?.users;
  const loadError = loaded.error;
  const setUsers = (change: (list: AdminUser[] | undefined) => AdminUser[] | undefined) =>
    loaded.setData((answer) => {
      const next = change(answer?.users);
      return next && { users: next };
    });
  const [actionError, setActionError] = useState<unknown>();
  const [notice, setNotice] = useState<{ text: string; kind: NoticeKind }>();

  const changed = (user: AdminUser, text: string, kind: NoticeKind = 'success') => {
    setUsers((list) => list?.map((candidate) => (candidate.id === user.id ? user : candidate)));
    setActionError(undefined);
    setNotice({ text, kind });
  };

  const invited = ({ invitationSent, ...user }: AdminUser & InvitationResult) => {
    setUsers((list) => [...(list ?? []), user]);
    setActionError(undefined);
    const values = { name: `${user.firstName} ${user.lastName}`, email: user.email };
    setNotice(
      invitationSent
        ? { text: t('users.invited', values), kind: 'success' }
        : { text: t('users.invitedNoMail', values), kind: 'warning' },
    );
  };

  const failed = (error: unknown) => {
    setNotice(undefined);
    setActionError(error);
  };

  return (
    <Page title={t('users.title')}>
      <Paragraph className="measure">{t('users.intro')}</Paragraph>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      <ErrorNotice error={actionError} />
      <section aria-labelledby="users-heading" className="stack">
        <Heading level={2} data-size="sm" id="users-heading">
          {t('users.listHeading')}
        </Heading>
        <ErrorNotice error={loadError} />
        {users ? (
          users.length ? (
            <UsersTable users={users} currentUserId={currentUser.id} onChanged={changed} onError={failed} />
          ) : (
            <Paragraph>{t('users.noUsers')}</Paragraph>
          )
        ) : loadError ? null : (
          <Spinner aria-label={t('app.loading')} />
        )}
      </section>
      <InviteUserForm onInvited={invited} />
    </Page>
  );
}
