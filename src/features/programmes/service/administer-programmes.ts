import type { Queryable } from '../../../db/connection.js';
import { asSystem } from '../../../db/tenant.js';
import type { Deps } from '../../../server/deps.js';
import { insertAudit } from '../../audit/index.js';
import { createAccountLink } from '../../auth/index.js';
import { ProgrammeAdminError } from '../errors.js';
import {
  addCoordinatorRole,
  deleteCoordinator,
  deleteMember,
  dropCoordinatorRoleIfIdle,
  findProgrammes,
  findUser,
  firstMember,
  insertCoordinatorUser,
  isCoordinator,
  isMember,
  listAllProgrammes,
  municipalitiesByNumber,
} from '../queries/administer-programmes.js';
import { insertCoordinator, insertMember, insertProgramme } from '../queries.js';

// The platform operator's programme commands (npm run programme, src/app/programme.ts), as
// landsby_system: a programme is no one municipality's. Each runs in one transaction; a refusal
// (ProgrammeAdminError) leaves nothing behind, and doing the same thing twice changes nothing.
// Audit entries go to each member municipality's log, as the programme concerns its staff.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BY_OPERATOR = { actorUserId: null, ip: null, details: { by: 'platform operator' } } as const;

function checkNumber(number: string): string {
  const n = number.trim();
  if (!/^[0-9]{4}$/.test(n))
    throw new ProgrammeAdminError(`A municipality number is four digits (kommunenummer), not «${n}».`);
  return n;
}

async function programmeOf(tx: Queryable, ref: string): Promise<{ id: string; name: string }> {
  const found = await findProgrammes(tx, ref.trim());
  if (found.length > 1)
    throw new ProgrammeAdminError(
      `Several programmes are called «${ref.trim()}»: name it by its id (see list).`,
    );
  if (!found[0]) throw new ProgrammeAdminError(`No programme «${ref.trim()}» (see list).`);
  return found[0];
}

async function municipalityOf(tx: Queryable, number: string) {
  const [found] = await municipalitiesByNumber(tx, [checkNumber(number)]);
  if (!found)
    throw new ProgrammeAdminError(
      `No municipality ${number.trim()} on this installation (npm run municipality -- list): nothing was changed.`,
    );
  return found;
}

/** A new programme of the given municipalities (by kommunenummer), each in phase 1. */
export async function createProgrammeOfMunicipalities(
  deps: Pick<Deps, 'db'>,
  input: { name: string; numbers: readonly string[] },
): Promise<{ id: string; name: string; members: { number: string; name: string }[] }> {
  const name = input.name.trim();
  if (!name || name.length > 120)
    throw new ProgrammeAdminError('The programme needs a name of 1 to 120 characters.');
  const numbers = [...new Set(input.numbers.map(checkNumber))];
  if (!numbers.length) throw new ProgrammeAdminError('The programme needs at least one municipality.');
  return asSystem(deps.db, async (tx) => {
    if ((await findProgrammes(tx, name)).length)
      throw new ProgrammeAdminError(`A programme called «${name}» already exists: nothing was changed.`);
    const members = await municipalitiesByNumber(tx, numbers);
    const unknown = numbers.filter((n) => !members.some((m) => m.number === n));
    if (unknown.length)
      throw new ProgrammeAdminError(
        `No municipality ${unknown.join(', ')} on this installation (npm run municipality -- list): nothing was changed.`,
      );
    const id = await insertProgramme(tx, name);
    for (const m of members) {
      await insertMember(tx, id, { municipalityId: m.id, phase: 1, done: [] });
      await insertAudit(tx, {
        ...BY_OPERATOR,
        municipalityId: m.id,
        action: 'create',
        recordType: 'programme_municipality',
        recordId: id,
      });
    }
    return { id, name, members: members.map((m) => ({ number: m.number, name: m.name })) };
  });
}

/** One more member municipality (phase 1); `added: false` when it already was one. */
export async function addProgrammeMunicipality(
  deps: Pick<Deps, 'db'>,
  input: { programme: string; number: string },
): Promise<{ programme: string; municipality: string; added: boolean }> {
  return asSystem(deps.db, async (tx) => {
    const programme = await programmeOf(tx, input.programme);
    const municipality = await municipalityOf(tx, input.number);
    const result = { programme: programme.name, municipality: `${municipality.number} ${municipality.name}` };
    if (await isMember(tx, programme.id, municipality.id)) return { ...result, added: false };
    await insertMember(tx, programme.id, { municipalityId: municipality.id, phase: 1, done: [] });
    await insertAudit(tx, {
      ...BY_OPERATOR,
      municipalityId: municipality.id,
      action: 'create',
      recordType: 'programme_municipality',
      recordId: programme.id,
    });
    return { ...result, added: true };
  });
}

/**
 * Takes a municipality out of the programme: its phase and ticked checklist go; its cohorts stay
 * its own and leave the programme's figures. `removed: false` when it was no member.
 */
export async function removeProgrammeMunicipality(
  deps: Pick<Deps, 'db'>,
  input: { programme: string; number: string },
): Promise<{ programme: string; municipality: string; removed: boolean }> {
  return asSystem(deps.db, async (tx) => {
    const programme = await programmeOf(tx, input.programme);
    const municipality = await municipalityOf(tx, input.number);
    const result = { programme: programme.name, municipality: `${municipality.number} ${municipality.name}` };
    if (!(await isMember(tx, programme.id, municipality.id))) return { ...result, removed: false };
    await deleteMember(tx, programme.id, municipality.id);
    await insertAudit(tx, {
      ...BY_OPERATOR,
      municipalityId: municipality.id,
      action: 'delete',
      recordType: 'programme_municipality',
      recordId: programme.id,
    });
    return { ...result, removed: true };
  });
}

/**
 * Takes a coordinator (by e-mail) off the programme. The account stays; it loses the role
 * programme_coordinator when it coordinates no other programme. `removed: false` when they were
 * no coordinator of it.
 */
export async function removeProgrammeCoordinator(
  deps: Pick<Deps, 'db'>,
  input: { programme: string; email: string },
): Promise<{ programme: string; removed: boolean; roleDropped: boolean }> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new ProgrammeAdminError(`«${input.email}» is not an e-mail address.`);
  return asSystem(deps.db, async (tx) => {
    const programme = await programmeOf(tx, input.programme);
    const user = await findUser(tx, email);
    if (!user || !(await isCoordinator(tx, programme.id, user.id)))
      return { programme: programme.name, removed: false, roleDropped: false };
    await deleteCoordinator(tx, programme.id, user.id);
    const roleDropped = await dropCoordinatorRoleIfIdle(tx, user.id);
    await insertAudit(tx, {
      ...BY_OPERATOR,
      municipalityId: user.municipality_id,
      action: 'delete',
      recordType: 'programme_coordinator',
      recordId: programme.id,
      subjectId: user.id,
      details: { by: 'platform operator', roleDropped },
    });
    return { programme: programme.name, removed: true, roleDropped };
  });
}

export interface CoordinatorAdded {
  programme: string;
  /** False when they already were a coordinator of the programme: nothing changed. */
  added: boolean;
  /** A new account: invited by e-mail to choose a password. */
  userCreated: boolean;
  /** Only for a new account: false when the mail server refused (they can use «Glemt passord»). */
  invitationSent: boolean;
}

/**
 * Makes a user a coordinator of the programme: an existing account (by e-mail) gets the role
 * programme_coordinator if it lacks it; a new one belongs, for login and the audit log, to the
 * member municipality with the lowest number and gets the municipality admin's invitation e-mail.
 */
export async function addProgrammeCoordinator(
  deps: Pick<Deps, 'db' | 'config' | 'mailer'>,
  input: { programme: string; email: string; firstName: string; lastName: string },
): Promise<CoordinatorAdded> {
  const email = input.email.trim().toLowerCase();
  const firstName = input.firstName.trim();
  const lastName = input.lastName.trim();
  if (!EMAIL.test(email)) throw new ProgrammeAdminError(`«${input.email}» is not an e-mail address.`);
  const outcome = await asSystem(deps.db, async (tx) => {
    const programme = await programmeOf(tx, input.programme);
    const existing = await findUser(tx, email);
    if (existing && !existing.active)
      throw new ProgrammeAdminError(`The account ${email} is deactivated: nothing was changed.`);
    if (existing && (await isCoordinator(tx, programme.id, existing.id)))
      return { programme: programme.name, added: false, userCreated: false, send: null };
    let userId = existing?.id;
    let municipalityId = existing?.municipality_id;
    let send: (() => Promise<void>) | null = null;
    if (!userId || municipalityId === undefined) {
      if (!firstName || !lastName)
        throw new ProgrammeAdminError('A new coordinator needs a first and a last name.');
      municipalityId = await firstMember(tx, programme.id);
      if (municipalityId === undefined)
        throw new ProgrammeAdminError(
          `«${programme.name}» has no member municipality yet: add one first (add-municipality).`,
        );
      userId = await insertCoordinatorUser(tx, { municipalityId, email, firstName, lastName });
      await insertAudit(tx, {
        ...BY_OPERATOR,
        municipalityId,
        action: 'create',
        recordType: 'user',
        recordId: userId,
        subjectId: userId,
        details: { roles: ['programme_coordinator'], by: 'platform operator' },
      });
      send = await createAccountLink(deps, tx, 'invite', {
        id: userId,
        municipalityId,
        email,
        firstName,
        locale: 'nb',
      });
    } else if (!existing?.roles.includes('programme_coordinator')) {
      await addCoordinatorRole(tx, userId);
      await insertAudit(tx, {
        ...BY_OPERATOR,
        municipalityId,
        action: 'update',
        recordType: 'user',
        recordId: userId,
        subjectId: userId,
        details: { addedRoles: ['programme_coordinator'], by: 'platform operator' },
      });
    }
    await insertCoordinator(tx, programme.id, userId);
    await insertAudit(tx, {
      ...BY_OPERATOR,
      municipalityId,
      action: 'create',
      recordType: 'programme_coordinator',
      recordId: programme.id,
      subjectId: userId,
    });
    return { programme: programme.name, added: true, userCreated: !existing, send };
  });
  const { send, ...result } = outcome;
  const invitationSent = send
    ? await send().then(
        () => true,
        () => false,
      )
    : false;
  return { ...result, invitationSent };
}

/** Every programme with its members (number, name, phase) and its coordinators' e-mail addresses. */
export function listProgrammesForOperator(deps: Pick<Deps, 'db'>) {
  return asSystem(deps.db, (tx) => listAllProgrammes(tx));
}
