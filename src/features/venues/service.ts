import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { todayInOslo } from '../../domain/calendar.js';
import type { Deps } from '../../server/deps.js';
import { type FieldError, invalid, notFound } from '../../server/errors.js';
import { audit } from '../audit/index.js';
import { lookupPlaces } from '../registry/index.js';
import type { VenueInput, VenueList, VenueListQuery, VenueView } from './contract.js';
import { venueChanged } from './errors.js';
import { presentVenue } from './present.js';
import * as q from './queries.js';

const blank = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Checks the venue form (every problem at once) and finds the place of its postcode. */
async function venueData(tx: Queryable, input: VenueInput): Promise<q.VenueData> {
  const errors: FieldError[] = [];
  const name = blank(input.name);
  if (!name) errors.push({ field: 'name', rule: 'required' });
  const postcode = blank(input.address?.postcode);
  if (postcode !== null && !/^[0-9]{4}$/.test(postcode))
    errors.push({ field: 'address.postcode', rule: 'postcode' });
  if (errors.length > 0) throw invalid(errors);
  const place = postcode ? ((await lookupPlaces(tx, [postcode])).get(postcode) ?? null) : null;
  return {
    name: name as string,
    addressLine: blank(input.address?.line),
    postcode,
    place,
    capacity: input.capacity ?? null,
    kitchen: input.kitchen,
    parking: input.parking,
    stepFree: input.stepFree,
    notes: blank(input.notes),
  };
}

export async function listVenues(
  deps: Deps,
  ctx: TenantContext,
  archived: VenueListQuery['archived'],
): Promise<VenueList> {
  return inTenant(deps.db, ctx, async (tx) => ({
    venues: (await q.listVenues(tx, ctx.municipalityId, todayInOslo(), archived)).map(presentVenue),
  }));
}

async function venueOrNotFound(tx: Queryable, ctx: TenantContext, venueId: string): Promise<VenueView> {
  const row = await q.findVenue(tx, ctx.municipalityId, venueId, todayInOslo());
  if (!row) throw notFound();
  return presentVenue(row);
}

export async function createVenue(deps: Deps, ctx: TenantContext, input: VenueInput): Promise<VenueView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const id = await q.insertVenue(tx, ctx.municipalityId, await venueData(tx, input));
    await audit(tx, ctx, { action: 'create', recordType: 'venue', recordId: id });
    return venueOrNotFound(tx, ctx, id);
  });
}

export async function updateVenue(
  deps: Deps,
  ctx: TenantContext,
  venueId: string,
  input: VenueInput,
  version: number,
): Promise<VenueView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const before = await q.findVenueFacts(tx, ctx.municipalityId, venueId);
    if (!before) throw notFound();
    if (before.version !== version) throw venueChanged();
    if (!(await q.updateVenue(tx, ctx.municipalityId, venueId, await venueData(tx, input), version)))
      throw venueChanged();
    await audit(tx, ctx, { action: 'update', recordType: 'venue', recordId: venueId });
    return venueOrNotFound(tx, ctx, venueId);
  });
}

export async function archiveVenue(deps: Deps, ctx: TenantContext, venueId: string): Promise<VenueView> {
  return inTenant(deps.db, ctx, async (tx) => {
    await venueOrNotFound(tx, ctx, venueId);
    // Archiving what is archived already (a double click) changes nothing and is no error.
    if (await q.archiveVenue(tx, ctx.municipalityId, venueId)) {
      await audit(tx, ctx, {
        action: 'update',
        recordType: 'venue',
        recordId: venueId,
        details: { via: 'archive' },
      });
    }
    return venueOrNotFound(tx, ctx, venueId);
  });
}
