import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitedUser } from '../../../features/users/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { useErrorText } from '../../shared/errors.js';
import { ErrorNotice } from '../../shared/Notice.js';
import type { AdminUser, InvitationResult } from '../../shared/types.js';
import { RoleFieldset } from './RoleFieldset.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface FieldErrors {
  firstName?: string;
  lastName?: string;
  email?: string;
  roles?: string;
}

export function InviteUserForm({ onInvited }: { onInvited: (user: AdminUser & InvitationResult) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const firstNameRef = useRef<HTMLInputElement>(null);
  const lastNameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const rolesRef = useRef<HTMLFieldSetElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {
      firstName: firstName.trim() ? undefined : t('users.firstNameRequired'),
      lastName: lastName.trim() ? undefined : t('users.lastNameRequired'),
      email: !email.trim()
        ? t('users.emailRequired')
        : EMAIL.test(email.trim())
          ? undefined
          : t('users.emailInvalid'),
      roles: roles.length ? undefined : t('users.rolesRequired'),
    };
    setFieldErrors(errors);
    if (errors.firstName) return firstNameRef.current?.focus();
    if (errors.lastName) return lastNameRef.current?.focus();
    if (errors.email) return emailRef.current?.focus();
    if (errors.roles) return rolesRef.current?.querySelector('input')?.focus();

    setError(undefined);
    setBusy(true);
    try {
      const user = await api.post<InvitedUser>('/api/admin/users', {
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        email: email.trim(),
        roles,
      });
      onInvited(user);
      setFirstName('');
      setLastName('');
      setEmail('');
      setRoles([]);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'users.email_taken') {
        setFieldErrors({ email: errorText(caught) });
        emailRef.current?.focus();
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="invite-heading" className="stack">
      <Heading level={2} data-size="sm" id="invite-heading">
        {t('users.inviteHeading')}
      </Heading>
      <Paragraph>{t('users.inviteIntro')}</Paragraph>
      <ErrorNotice error={error} />
      <form noValidate onSubmit={onSubmit} className="form">
        <div className="form__row">
          <Textfield
            ref={firstNameRef}
            label={t('users.firstName')}
            name="firstName"
            autoComplete="off"
            value={firstName}
            onChange={(event) => setFirstName(event.target.value)}
            error={fieldErrors.firstName}
          />
          <Textfield
            ref={lastNameRef}
            label={t('users.lastName')}
            name="lastName"
            autoComplete="off"
            value={lastName}
            onChange={(event) => setLastName(event.target.value)}
            error={fieldErrors.lastName}
          />
        </div>
        <Textfield
          ref={emailRef}
          label={t('users.email')}
          type="email"
          name="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldErrors.email}
        />
        <RoleFieldset ref={rolesRef} selected={roles} onChange={setRoles} error={fieldErrors.roles} />
        <div>
          <Button type="submit" loading={busy}>
            {t('users.inviteSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
