import { type Static, Type } from '@sinclair/typebox';
import { MIN_PASSWORD_LENGTH } from '../../domain/limits.js';
import { Email, Locale } from '../../server/schemas.js';

/** The logged-in user as the web app knows them: who, what they may do, and where. */
export const SessionUser = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.String(),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  locale: Locale,
  municipality: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    isDemo: Type.Boolean(),
    /** A member of an inter-municipal programme. */
    inProgramme: Type.Boolean(),
  }),
});
export type SessionUser = Static<typeof SessionUser>;

/** GET /api/session: who is logged in, the CSRF token to send back, and which login methods exist. */
export const Session = Type.Object({
  user: Type.Union([SessionUser, Type.Null()]),
  csrfToken: Type.String(),
  providers: Type.Object({ entra: Type.Boolean(), idporten: Type.Boolean() }),
});
export type Session = Static<typeof Session>;

export const LoginBody = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const LoginResult = Type.Object({ user: SessionUser });
export type LoginResult = Static<typeof LoginResult>;

export const PasswordResetBody = Type.Object({ email: Email });
export type PasswordResetBody = Static<typeof PasswordResetBody>;

export const SetPasswordBody = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 100 }),
  password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 }),
});
export type SetPasswordBody = Static<typeof SetPasswordBody>;

export const LocaleBody = Type.Object({ locale: Locale });
export type LocaleBody = Static<typeof LocaleBody>;

// OpenID Connect (Entra ID for staff, ID-porten for citizens): the browser is redirected, no JSON.

export const OidcParams = Type.Object({
  provider: Type.String({ maxLength: 32, description: '`entra` (staff) or `idporten` (citizens)' }),
});

export const OidcStartQuery = Type.Object({
  invite: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Entra only: the token from an invitation link, to link the login to that user',
    }),
  ),
  locale: Type.Optional(Locale),
});

export const OidcCallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 8192 })),
  state: Type.Optional(Type.String({ maxLength: 1024 })),
  iss: Type.Optional(Type.String({ maxLength: 1024 })),
  error: Type.Optional(Type.String({ maxLength: 1024 })),
  error_description: Type.Optional(Type.String({ maxLength: 4096 })),
});

export const OidcRedirect = Type.Null({ description: 'Redirect (Location header)' });

/** Why an OIDC login was refused: the login page shows the message for it (/logg-inn?feil=…). */
export type OidcFailure = 'auth.oidc_failed' | 'auth.oidc_no_account' | 'auth.inactive';
