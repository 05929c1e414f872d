import { isUniqueViolation } from '../../db/connection.js';
import { asSystem } from '../../db/tenant.js';
import type { Deps } from '../../server/deps.js';
import { insertAudit } from '../audit/index.js';
import { createAccountLink } from '../auth/index.js';
import type { MunicipalityListed, NewMunicipality, Onboarded } from './contract.js';
import { OnboardingError } from './errors.js';
import * as q from './queries.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates the municipality and its first municipality admin in one transaction (landsby_system:
 * no tenant exists yet), then e-mails the admin the same invitation as a user the admin invites.
 * Any refusal leaves nothing behind.
 */
export async function onboardMunicipality(
  deps: Pick<Deps, 'db' | 'config' | 'mailer'>,
  input: NewMunicipality,
): Promise<Onboarded> {
  const number = input.number.trim();
  const name = input.name.trim();
  const email = input.adminEmail.trim().toLowerCase();
  if (!/^[0-9]{4}$/.test(number))
    throw new OnboardingError(
      `The municipality number must be four digits (kommunenummer), not «${number}».`,
    );
  if (!name) throw new OnboardingError('The municipality needs a name.');
  if (!EMAIL.test(email)) throw new OnboardingError(`«${input.adminEmail}» is not an e-mail address.`);
  const [firstName = 'Kommuneadministrator', ...rest] = (input.adminName ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const lastName = rest.length ? rest.join(' ') : input.adminName?.trim() ? '' : name;

  const { municipalityId, adminUserId, send } = await asSystem(deps.db, async (tx) => {
    const existing = await q.findMunicipalityName(tx, number);
    if (existing)
      throw new OnboardingError(`Municipality ${number} already exists (${existing}): nothing was changed.`);
    let municipalityId: number;
    let adminUserId: string;
    try {
      municipalityId = await q.insertMunicipality(tx, { number, name });
      adminUserId = await q.insertAdmin(tx, { municipalityId, email, firstName, lastName });
    } catch (error) {
      // Two operators at once, or an address that already has an account in any municipality.
      if (isUniqueViolation(error))
        throw new OnboardingError(
          `Municipality ${number} or an account with that e-mail address already exists: nothing was changed.`,
        );
      throw error;
    }
    const entry = { municipalityId, actorUserId: null, ip: null, action: 'create' } as const;
    await insertAudit(tx, { ...entry, recordType: 'municipality', recordId: String(municipalityId) });
    await insertAudit(tx, {
      ...entry,
      recordType: 'user',
      recordId: adminUserId,
      subjectId: adminUserId,
      details: { roles: ['municipality_admin'], by: 'platform operator' },
    });
    const send = await createAccountLink(deps, tx, 'invite', {
      id: adminUserId,
      municipalityId,
      email,
      firstName,
      locale: 'nb',
    });
    return { municipalityId, adminUserId, send };
  });
  const invitationSent = await send().then(
    () => true,
    () => false,
  );
  return { municipalityId, adminUserId, invitationSent };
}

export async function listMunicipalities(deps: Pick<Deps, 'db'>): Promise<MunicipalityListed[]> {
  const rows = await asSystem(deps.db, (tx) => q.listMunicipalities(tx));
  return rows.map((r) => ({
    number: r.number,
    name: r.name,
    isDemo: r.is_demo,
    users: r.users,
    createdAt: r.created_at,
  }));
}
