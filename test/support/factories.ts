import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/db/connection.js';
import { asSystem, inTenant } from '../../src/db/tenant.js';
import type { HouseholdInput } from '../../src/domain/household.js';
import type { Role } from '../../src/domain/roles.js';
import { hashPassword } from '../../src/features/auth/index.js';
import { insertAccount, insertMunicipality } from '../../src/features/demo/queries.js';
import { checkHouseholds, writeHousehold } from '../../src/features/registry/index.js';

export const TEST_PASSWORD = 'et-langt-testpassord';
let passwordHash: Promise<string> | undefined;
let counter = 0;

export async function createMunicipality(db: Database, name: string): Promise<number> {
  const number = String(1000 + (counter++ % 8000) + Math.floor(Math.random() * 900)).padStart(4, '0');
  return asSystem(db, (tx) => insertMunicipality(tx, { name, number, isDemo: false }));
}

export interface TestUser {
  id: string;
  municipalityId: number;
  email: string;
  firstName: string;
  lastName: string;
}

export async function createUser(
  db: Database,
  municipalityId: number,
  roles: Role[],
  overrides: Partial<{ firstName: string; lastName: string; email: string; password: string | null }> = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash =
    overrides.password === null
      ? null
      : overrides.password
        ? await hashPassword(overrides.password)
        : await passwordHash;
  const user = {
    municipalityId,
    email: overrides.email ?? `${roles[0]}-${randomBytes(4).toString('hex')}@test.landsby.no`,
    firstName: overrides.firstName ?? 'Test',
    lastName: overrides.lastName ?? `Bruker ${randomBytes(2).toString('hex')}`,
  };
  const id = await asSystem(db, (tx) => insertAccount(tx, { ...user, roles, passwordHash: hash }));
  return { id, ...user };
}

/** A household written through the service, as the form would, with sensible defaults. */
export async function createHousehold(
  db: Database,
  municipalityId: number,
  input: Partial<HouseholdInput> = {},
): Promise<string> {
  const [id] = await createHouseholds(db, municipalityId, [input]);
  return id as string;
}

/** Many households in one transaction, as an import writes them; each input over the same defaults. */
export async function createHouseholds(
  db: Database,
  municipalityId: number,
  inputs: Partial<HouseholdInput>[],
): Promise<string[]> {
  const ctx = { municipalityId, userId: null, ip: null };
  return inTenant(db, ctx, async (tx) => {
    const checked = await checkHouseholds(
      tx,
      municipalityId,
      inputs.map((input) => ({
        kind: 'foster',
        relation: 'care',
        address: { line: 'Storgata 1', postcode: '1384' },
        adults: [
          { firstName: 'Kari', lastName: 'Nordmann', mobile: '412 34 567', preferredChannels: ['email'] },
        ],
        ...input,
      })),
    );
    const ids: string[] = [];
    for (const c of checked) {
      if (!c.household) throw new Error(`invalid test household: ${JSON.stringify(c.errors)}`);
      await writeHousehold(tx, ctx, c.household, null, 'create');
      ids.push(c.household.id);
    }
    return ids;
  });
}
