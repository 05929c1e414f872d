import { Button, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { formatDateTime } from '../../shared/format.js';
import type { NoticeKind } from '../../shared/Notice.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import type { AdminUser, InvitationResult } from '../../shared/types.js';
import { RolesDialog } from './RolesDialog.js';

interface UsersTableProps {
  users: AdminUser[];
  currentUserId: string;
  /** A user changed on the server; `message` says what happened. */
  onChanged: (user: AdminUser, message: string, kind?: NoticeKind) => void;
  onError: (error: unknown) => void;
}

const fullName = (user: AdminUser) => `${user.firstName} ${user.lastName}`;

export function UsersTable({ users, currentUserId, onChanged, onError }: UsersTableProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<AdminUser>();
  const [confirming, setConfirming] = useState<AdminUser>();

  const reactivate = (user: AdminUser) =>
    api
      .patch<AdminUser>(`/api/admin/users/${encodeURIComponent(user.id)}`, { active: true })
      .then((saved) => onChanged(saved, t('users.reactivated', { name: fullName(saved) })))
      .catch(onError);

  const resendInvitation = (user: AdminUser) =>
    api
      .post<InvitationResult | undefined>(`/api/admin/users/${encodeURIComponent(user.id)}/invitation`)
      .then((result) =>
        result?.invitationSent === false
          ? onChanged(user, t('users.invitationNotSent', { email: user.email }), 'warning')
          : onChanged(user, t('users.invitationSent', { email: user.email })),
      )
      .catch(onError);

  return (
    <>
      <ScrollTable label={t('users.tableLabel')}>
        <Table zebra className="data-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('users.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.email')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.roles')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.lastLogin')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {users.map((user) => {
              const self = user.id === currentUserId;
              const name = fullName(user);
              // «Endre roller – Kari Nordmann»: the visible text first, then whose row it is.
              const labelFor = (action: string) => t('users.actionFor', { action, name });
              return (
                <Table.Row key={user.id}>
                  <Table.Cell className="nowrap">
                    {name} {self ? t('users.you') : null}
                  </Table.Cell>
                  <Table.Cell>{user.email}</Table.Cell>
                  <Table.Cell>
                    {user.roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', ')}
                  </Table.Cell>
                  <Table.Cell>
                    <StatusTag user={user} />
                  </Table.Cell>
                  <Table.Cell>
                    {user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('users.never')}
                  </Table.Cell>
                  <Table.Cell>
                    {self ? null : (
                      <div className="row-actions">
                        <Button
                          variant="secondary"
                          data-size="sm"
                          onClick={() => setEditing(user)}
                          aria-label={labelFor(t('users.changeRoles'))}
                        >
                          {t('users.changeRoles')}
                        </Button>
                        {user.active ? (
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            onClick={() => setConfirming(user)}
                            aria-label={labelFor(t('users.deactivate'))}
                          >
                            {t('users.deactivate')}
                          </Button>
                        ) : (
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            onClick={() => reactivate(user)}
                            aria-label={labelFor(t('users.reactivate'))}
                          >
                            {t('users.reactivate')}
                          </Button>
                        )}
                        {user.invitationPending && user.active ? (
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            onClick={() => resendInvitation(user)}
                            aria-label={labelFor(t('users.resendInvitation'))}
                          >
                            {t('users.resendInvitation')}
                          </Button>
                        ) : null}
                      </div>
                    )}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </ScrollTable>
      {editing ? (
        <RolesDialog
          user={editing}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            onChanged(saved, t('users.rolesSaved', { name: fullName(saved) }));
          }}
        />
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('users.confirmTitle', { name: fullName(confirming) })}
          body={t('users.confirmBody', { name: fullName(confirming) })}
          confirmLabel={t('users.confirmDeactivate')}
          onClose={() => setConfirming(undefined)}
          onConfirm={async () => {
            const saved = await api.patch<AdminUser>(
              `/api/admin/users/${encodeURIComponent(confirming.id)}`,
              {
                active: false,
              },
            );
            setConfirming(undefined);
            onChanged(saved, t('users.deactivated', { name: fullName(saved) }));
          }}
        />
      ) : null}
    </>
  );
}

function StatusTag({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  if (!user.active) return <Tag data-color="neutral">{t('users.statusInactive')}</Tag>;
  if (user.invitationPending) return <Tag data-color="warning">{t('users.statusInvited')}</Tag>;
  return <Tag data-color="success">{t('users.statusActive')}</Tag>;
}
