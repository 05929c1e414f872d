import type { MemberView, NetworkView } from '../../src/features/networks/contract.js';
import type { Agent, TestEnv } from './app.js';
import { loginAs } from './app.js';
import { inDays } from './cafe.js';
import { completeCourse } from './courses.js';
import { createHousehold, createUser, type TestUser } from './factories.js';

/** A birth date that makes a child `years` old `days` from today (negative: in the past). */
export function bornYearsAgo(years: number, days = 0): string {
  const day = inDays(days);
  return `${Number(day.slice(0, 4)) - years}${day.slice(4)}`;
}

export interface TestNetwork {
  network: NetworkView;
  caseworker: TestUser;
  agent: Agent;
  municipalityId: number;
}

/** A network made through the API by a caseworker: its resource family and two caseworkers. */
export async function createNetwork(
  env: TestEnv,
  municipalityId: number,
  options: { name?: string; partnerMunicipalityNumber?: string | null; caseworker?: TestUser } = {},
): Promise<TestNetwork> {
  const caseworker = options.caseworker ?? (await createUser(env.db, municipalityId, ['caseworker']));
  const second = await createUser(env.db, municipalityId, ['team_leader']);
  const agent = await loginAs(env.app, caseworker.email);
  const family = await createHousehold(env.db, municipalityId, {
    kind: 'resource_family',
    adults: [
      { firstName: 'Ragnhild', lastName: 'Ressursen', mobile: '412 00 001', preferredChannels: ['sms'] },
    ],
  });
  // Solid is a prerequisite for a resource family (courses/).
  await completeCourse(env.db, municipalityId, family);
  const response = await agent.post('/api/networks', {
    name: options.name ?? 'Nettverket på Berg',
    resourceFamilyHouseholdId: family,
    caseworkerUserIds: [caseworker.id, second.id],
    partnerMunicipalityNumber: options.partnerMunicipalityNumber ?? null,
  });
  if (response.statusCode !== 201) throw new Error(`network: ${response.statusCode} ${response.body}`);
  return { network: response.json(), caseworker, agent, municipalityId };
}

export interface HouseholdPeople {
  adults?: { firstName: string; lastName: string; email?: string }[];
  /** birth dates */
  children?: string[];
}

/** A household of the municipality proposed to the network (pending). */
export async function proposeHousehold(
  env: TestEnv,
  agent: Agent,
  municipalityId: number,
  networkId: string,
  people: HouseholdPeople = {},
): Promise<MemberView> {
  const householdId = await createHousehold(env.db, municipalityId, {
    adults: (people.adults ?? [{ firstName: 'Kari', lastName: 'Nordmann' }]).map((a) => ({
      ...a,
      mobile: '412 34 567',
      preferredChannels: ['sms'],
    })),
    children: (people.children ?? []).map((birthDate, i) => ({ firstName: `Barn${i + 1}`, birthDate })),
  });
  const response = await agent.post(`/api/networks/${networkId}/members`, { householdId });
  if (response.statusCode !== 201) throw new Error(`member: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** The path of a fresh signing link for the adult (/taushetsplikt/<token>). */
export async function signingPath(agent: Agent, networkId: string, memberId: string, adultId: string) {
  const response = await agent.post(`/api/networks/${networkId}/members/${memberId}/signing-links`, {
    adultId,
  });
  if (response.statusCode !== 200) throw new Error(`link: ${response.statusCode} ${response.body}`);
  return new URL(response.json().url).pathname;
}

/** The adult signs on the public page, as the form posts it. */
export function signOnPage(env: TestEnv, path: string) {
  return env.app.inject({
    method: 'POST',
    url: path,
    payload: 'confirm=yes',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** Every adult signs and every child of 15+ consents: the gate is open. */
export async function openGate(
  env: TestEnv,
  agent: Agent,
  networkId: string,
  member: MemberView,
): Promise<void> {
  for (const adult of member.adults) {
    await signOnPage(env, await signingPath(agent, networkId, member.id, adult.id));
  }
  for (const child of member.children.filter((c) => c.consentNeeded)) {
    await agent.post(`/api/networks/${networkId}/members/${member.id}/consents`, { childId: child.id });
  }
}

/** A member household that has joined (gate opened first). */
export async function joinedHousehold(
  env: TestEnv,
  agent: Agent,
  municipalityId: number,
  networkId: string,
  people: HouseholdPeople = {},
): Promise<MemberView> {
  const member = await proposeHousehold(env, agent, municipalityId, networkId, people);
  await openGate(env, agent, networkId, member);
  const response = await agent.post(`/api/networks/${networkId}/members/${member.id}/join`, {});
  if (response.statusCode !== 200) throw new Error(`join: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** A resource family's user account, linked to the network by the caseworker, logged in. */
export async function resourceFamilyAgent(
  env: TestEnv,
  tn: TestNetwork,
): Promise<{ user: TestUser; agent: Agent }> {
  const user = await createUser(env.db, tn.municipalityId, ['resource_family']);
  const linked = await tn.agent.post(`/api/networks/${tn.network.id}/resource-family-users`, {
    userId: user.id,
  });
  if (linked.statusCode !== 200) throw new Error(`link user: ${linked.statusCode} ${linked.body}`);
  return { user, agent: await loginAs(env.app, user.email) };
}
