import { STAFF_ROLES } from '../../domain/roles.js';
import type { SessionUser } from '../shared/types.js';

/**
 * The areas of the app, in menu order, and who may see each. The label is `nav.<key>`, the
 * card text on the front page `home.cards.<key>`.
 */
export interface Area {
  key: string;
  path: string;
  allowed: (user: SessionUser) => boolean;
}

const hasAny =
  (...permissions: string[]) =>
  (user: SessionUser) =>
    permissions.some((permission) => user.permissions.includes(permission));

const isStaff = (user: SessionUser) =>
  user.roles.some((role) => (STAFF_ROLES as readonly string[]).includes(role));

export const AREAS: readonly Area[] = [
  { key: 'home', path: '/', allowed: isStaff },
  { key: 'register', path: '/register', allowed: hasAny('registry:read') },
  { key: 'cafe', path: '/kafe', allowed: hasAny('events:manage') },
  { key: 'networks', path: '/nettverk', allowed: hasAny('networks:supervise') },
  {
    key: 'goodStart',
    path: '/god-start',
    allowed: hasAny('events:manage'),
  },
  {
    key: 'familyHomes',
    path: '/familiehjem',
    allowed: hasAny('registry:read', 'family_homes:follow'),
  },
  {
    key: 'insight',
    path: '/innsikt',
    allowed: hasAny('insight:read'),
  },
  // A programme coordinator, and staff with insight of a municipality that is a member of one.
  {
    key: 'programme',
    path: '/program',
    allowed: (user) =>
      hasAny('aggregates:read')(user) || (hasAny('insight:read')(user) && user.municipality.inProgramme),
  },
  { key: 'users', path: '/admin/brukere', allowed: hasAny('users:manage') },
  { key: 'audit', path: '/admin/logg', allowed: hasAny('audit:read') },
  { key: 'postcodes', path: '/admin/postnumre', allowed: hasAny('settings:manage') },
  { key: 'retention', path: '/admin/oppbevaring', allowed: hasAny('settings:manage') },
  { key: 'sender', path: '/admin/avsender', allowed: hasAny('settings:manage') },
  { key: 'myPage', path: '/min-side', allowed: hasAny('self:read') },
  { key: 'myNetwork', path: '/mitt-nettverk', allowed: hasAny('network:own') },
];

export function areasFor(user: SessionUser): Area[] {
  return AREAS.filter((area) => area.allowed(user));
}

export function area(key: string): Area {
  const found = AREAS.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`Unknown area ${key}`);
  return found;
}

/** Where to go after login: only paths inside Landsby, never another site (`//evil.example`). */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/logg-inn')) return '/';
  return next;
}
