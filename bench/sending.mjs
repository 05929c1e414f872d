#!/usr/bin/env node
// Sending at scale: render and queue the invitations of one café for N households
// (default 10,000; HOUSEHOLDS=… to change) — e-mail, SMS and one merged PDF of the letters — and
// print the time and peak memory of each phase. Build first (it imports dist/): npm run build.
// Run: node --expose-gc bench/sending.mjs     Prints figures; asserts nothing.
// Database: in-memory PGlite; DATABASE_URL=postgres://… runs it on an empty PostgreSQL database
// (the user must be allowed to run the migrations, see README "Running on PostgreSQL").
//
// How the phases are split. prepareInvitations queues one message per household, each by the
// household's preferred channel (60 % e-mail, 25 % SMS, 15 % letter), in one go ("queue"). The
// worker claims messages in created_at, id order, i.e. the channels interleaved; to time each
// channel on its own, the bench then holds every message back (not_before far in the future, in
// a tenant transaction as the app would) and releases one channel per phase, and each phase runs
// the real sendDue — claim, load the facts, render, send through the local outbox channel, record
// the outcome and audit it — until nothing of that channel is left. So each phase is exactly
// what the job does for those messages, no more. Besides the phase's wall time it prints how
// much of it had a channel.send in flight (writing to DATA_DIR/outbox; up to SEND_CONCURRENCY at
// once), and the cost of renderInvitation alone, measured afterwards on up to RENDER_SAMPLE
// messages of the channel with the facts already loaded; the rest is the database.
// The letters phase is the letter channel (render each PDF, keep it in the outbox), then
// "merged PDF": lettersPdf, the print room's one file of all letters (mergeLetterPdfs).
// Memory: process.memoryUsage() sampled every 50 ms in each phase (RSS and heapUsed), and the
// kernel's high-water mark (VmHWM), reset at the start of each phase through /proc/self/clear_refs
// where the kernel allows it. On PGlite the database lives in this process, so RSS includes it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { createChannels } from '../dist/channels/index.js';
import { openPglite, openPostgres } from '../dist/db/connection.js';
import { migrate } from '../dist/db/migrate.js';
import { asSystem, inTenant } from '../dist/db/tenant.js';
import { todayInOslo } from '../dist/domain/calendar.js';
import { insertAccount, insertMunicipality } from '../dist/features/demo/queries.js';
import { findEvent } from '../dist/features/events/index.js';
import { createEvent } from '../dist/features/events/service/edit-events.js';
import { seedPostcodes } from '../dist/features/registry/index.js';
import { checkHouseholds, writeHousehold } from '../dist/features/registry/service.js';
import * as sendingEvents from '../dist/features/sending/queries/event.js';
import * as sendingHouseholds from '../dist/features/sending/queries/household.js';
import * as sendingInvitations from '../dist/features/sending/queries/invitation.js';
import { renderInvitation } from '../dist/features/sending/render.js';
import { answerToken, answerUrl } from '../dist/features/sending/service/answer-tokens.js';
import { lettersPdf } from '../dist/features/sending/service/print-letters.js';
import { prepareInvitations, sendDue } from '../dist/features/sending/worker.js';
import { municipalityName, templateChooser } from '../dist/features/templates/index.js';
import { findVenue } from '../dist/features/venues/index.js';
import { createVenue } from '../dist/features/venues/service.js';
import { loadConfig } from '../dist/server/config.js';

const HOUSEHOLDS = Number(process.env.HOUSEHOLDS ?? 10_000);
const RENDER_SAMPLE = Number(process.env.RENDER_SAMPLE ?? 1_000);
const DATABASE_URL = process.env.DATABASE_URL;

// ---- Memory --------------------------------------------------------------------------------------

const MB = 2 ** 20;
const canResetHwm = (() => {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
})();
const vmHwm = () => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? (Number(m[1]) * 1024) / MB : Number.NaN;
};

const figures = [];
/** Runs one phase: wall time, sampled peak RSS and heapUsed, and the high-water mark. */
async function phase(name, fn) {
  globalThis.gc?.();
  if (canResetHwm) writeFileSync('/proc/self/clear_refs', '5');
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const sampler = setInterval(sample, 50);
  const begun = performance.now();
  const flightBefore = flight.ms;
  let result;
  try {
    result = await fn();
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - begun;
  sample();
  const row = {
    name,
    ms,
    items: result?.items ?? 0,
    startRss: start.rss / MB,
    rss: rss / MB,
    hwm: canResetHwm ? vmHwm() : Number.NaN,
    heap: heap / MB,
    sendMs: flight.ms - flightBefore,
    note: result?.note ?? '',
  };
  figures.push(row);
  console.log(
    `  ${name}: ${row.items} in ${(ms / 1000).toFixed(1)} s, peak RSS ${row.rss.toFixed(0)} MB, heapUsed ${row.heap.toFixed(0)} MB ${row.note}`,
  );
  return result;
}

// ---- The channels, timed -------------------------------------------------------------------------

/** Wall time during which at least one channel.send was in flight. */
const flight = { inFlight: 0, since: 0, ms: 0 };
function timed(channels) {
  for (const channel of Object.values(channels)) {
    const send = channel.send.bind(channel);
    channel.send = async (message) => {
      if (flight.inFlight++ === 0) flight.since = performance.now();
      try {
        return await send(message);
      } finally {
        if (--flight.inFlight === 0) flight.ms += performance.now() - flight.since;
      }
    };
  }
  return channels;
}

// ---- Seeding -------------------------------------------------------------------------------------

const FIRST = [
  'Kari',
  'Ola',
  'Åse',
  'Bjørn',
  'Ingrid',
  'Per',
  'Sigrid',
  'Håkon',
  'Nora',
  'Emil',
  'Amina',
  'Yusuf',
];
const LAST = ['Nordmann', 'Hansen', 'Ødegård', 'Bråthen', 'Lie', 'Søreide', 'Aasen', 'Kvalø', 'Ali', 'Berg'];
const POSTCODES = ['3015', '3016', '3017', '3018', '3019', '3021', '3022', '3024', '3025', '3026', '3027'];
const KINDS = ['foster', 'foster', 'foster', 'foster', 'emergency', 'family_home'];

/** Channel by i: 12 in 20 e-mail, 5 in 20 SMS, 3 in 20 letter. */
const preferred = (i) => (i % 20 < 12 ? 'email' : i % 20 < 17 ? 'sms' : 'letter');
const language = (i) =>
  (i * 7) % 20 === 19 ? 'ar' : (i * 7) % 10 === 3 ? 'nn' : (i * 7) % 25 === 4 ? 'en' : 'nb';

function householdInput(i) {
  const channel = preferred(i);
  const last = LAST[(i * 3) % LAST.length];
  const adult = (n, first) => ({
    firstName: first,
    lastName: last,
    email: channel === 'email' ? `h${i}.${n}@eksempel.no` : null,
    mobile: channel === 'letter' ? null : `4${String(1000000 + i * 2 + n).padStart(7, '0')}`,
    preferredLanguage: language(i),
    preferredChannels: [channel],
  });
  return {
    kind: KINDS[i % KINDS.length],
    relation: i % 4 === 0 ? 'oversight' : 'care',
    travelMinutes: 5 + (i % 60),
    address: { line: `Storgata ${1 + (i % 180)}`, postcode: POSTCODES[i % POSTCODES.length] },
    adults:
      i % 2 === 0
        ? [adult(1, FIRST[i % FIRST.length]), adult(2, FIRST[(i * 5 + 3) % FIRST.length])]
        : [adult(1, FIRST[i % FIRST.length])],
  };
}

function picture(width, height) {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      png.data[i] = 240 - (y * 80) / height;
      png.data[i + 1] = 150 + (x * 60) / width;
      png.data[i + 2] = 60 + (y * 120) / height;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

const isoDay = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** N households, a venue, two hosts, a café six weeks ahead with a picture, a note for one household in ten. */
async function seed(db) {
  const municipalityId = await asSystem(db, (tx) =>
    insertMunicipality(tx, { name: 'Drammen', number: '3301', isDemo: false }),
  );
  const hosts = [];
  for (const firstName of ['Anne', 'Berit']) {
    hosts.push(
      await asSystem(db, (tx) =>
        insertAccount(tx, {
          municipalityId,
          email: `${firstName.toLowerCase()}@drammen.kommune.no`,
          firstName,
          lastName: 'Bench',
          roles: ['caseworker'],
          passwordHash: null,
        }),
      ),
    );
  }
  const ctx = { municipalityId, userId: hosts[0], ip: null };
  const inputs = Array.from({ length: HOUSEHOLDS }, (_, i) => householdInput(i));
  await inTenant(db, ctx, async (tx) => {
    const checked = await checkHouseholds(tx, municipalityId, inputs);
    for (const c of checked) {
      if (!c.household) throw new Error(JSON.stringify(c.errors));
      await writeHousehold(tx, ctx, c.household, null, 'create');
    }
  });
  const deps = { db };
  const venue = await createVenue(deps, ctx, {
    name: 'Kantina i Drammen rådhus',
    address: { line: 'Engene 1', postcode: '3015' },
    capacity: 80,
    kitchen: true,
    parking: true,
    stepFree: true,
  });
  const date = isoDay(42);
  const { event } = await createEvent(deps, ctx, {
    title: 'Fosterhjemskafé',
    date,
    startTime: '18:00',
    endTime: '20:00',
    venueId: venue.id,
    food: true,
    registration: 'optional',
    deadline: isoDay(35),
    programme: [
      { kind: 'talk', title: 'Den nye avdelingslederen presenterer seg', minutes: 20, speaker: 'Camilla' },
    ],
    hostUserIds: hosts,
    confirmDate: true,
  });
  await inTenant(db, ctx, async (tx) => {
    await tx.query(
      `INSERT INTO event_image (event_id, municipality_id, content_type, bytes, alt)
       VALUES ($1, $2, 'image/png', $3, 'Kaffe og kjeks på et bord')`,
      [event.id, municipalityId, picture(600, 400)],
    );
    // A personal note for one household in ten, as the team writes them on the audience page.
    await tx.query(
      `INSERT INTO event_invitee (event_id, household_id, municipality_id, note)
       SELECT $1, id, $2, 'Så hyggelig at dere kom i mai – vi håper å se dere igjen!'
       FROM household WHERE municipality_id = $2 ORDER BY id LIMIT $3`,
      [event.id, municipalityId, Math.ceil(HOUSEHOLDS / 10)],
    );
    await sendingEvents.setSendAt(tx, municipalityId, event.id, new Date(), hosts[0]);
  });
  return { ctx, eventId: event.id };
}

// ---- Sending, one channel at a time ----------------------------------------------------------------

async function hold(deps, ctx, eventId) {
  await inTenant(deps.db, ctx, (tx) =>
    tx.query(
      `UPDATE message SET not_before = '2999-01-01' WHERE municipality_id = $1 AND event_id = $2 AND status = 'queued'`,
      [ctx.municipalityId, eventId],
    ),
  );
}
async function release(deps, ctx, eventId, channel) {
  await inTenant(deps.db, ctx, (tx) =>
    tx.query(
      `UPDATE message SET not_before = now() WHERE municipality_id = $1 AND event_id = $2 AND channel = $3 AND status = 'queued'`,
      [ctx.municipalityId, eventId, channel],
    ),
  );
}
async function statuses(deps, ctx, eventId, channel) {
  const rows = await inTenant(deps.db, ctx, (tx) =>
    tx.query(
      `SELECT status, count(*)::int AS n FROM message WHERE municipality_id = $1 AND event_id = $2 AND channel = $3 GROUP BY status`,
      [ctx.municipalityId, eventId, channel],
    ),
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** sendDue as the job runs it, again while something is due now. */
async function drain(deps, ctx, eventId) {
  let sent = 0;
  for (;;) {
    const result = await sendDue(deps, ctx.municipalityId, eventId);
    sent += result.sent;
    if (!result.next || result.next.getTime() > Date.now()) return sent;
  }
}

/** renderInvitation alone, on up to RENDER_SAMPLE messages of a channel, with the facts loaded first as the worker does. */
async function renderOnly(deps, ctx, eventId, channel) {
  const facts = await inTenant(deps.db, ctx, async (tx) => {
    const messages = await tx.query(
      `SELECT id, invitation_id AS "invitationId", household_id AS "householdId" FROM message
       WHERE municipality_id = $1 AND event_id = $2 AND channel = $3 ORDER BY id LIMIT $4`,
      [ctx.municipalityId, eventId, channel, RENDER_SAMPLE],
    );
    const event = await findEvent(tx, ctx.municipalityId, eventId);
    const venue = await findVenue(tx, ctx.municipalityId, event.venue.id, todayInOslo());
    const households = new Map(
      (
        await sendingHouseholds.householdsForMessages(
          tx,
          ctx.municipalityId,
          eventId,
          messages.map((m) => m.householdId),
        )
      ).map((h) => [h.householdId, h]),
    );
    const languages = await sendingInvitations.invitationLanguages(
      tx,
      ctx.municipalityId,
      messages.map((m) => m.invitationId),
    );
    const templateFor = await templateChooser(tx, ctx.municipalityId);
    const municipality = await municipalityName(tx, ctx.municipalityId);
    const image = await sendingEvents.findEventImage(tx, ctx.municipalityId, eventId);
    return messages.map((m) => ({
      messageId: m.id,
      channel,
      event,
      venue: {
        name: venue.name,
        addressLine: venue.addressLine,
        postcode: venue.postcode,
        place: venue.place,
      },
      template: templateFor([languages.get(m.invitationId) ?? 'nb']),
      municipality,
      household: households.get(m.householdId),
      answerUrl: answerUrl(deps.config.publicUrl, answerToken(deps.config.secretKey, m.invitationId)),
      ...(image ? { image } : {}),
    }));
  });
  const begun = performance.now();
  for (const f of facts) await renderInvitation(f);
  return { count: facts.length, ms: performance.now() - begun };
}

// ---- The run --------------------------------------------------------------------------------------

async function run(db, label) {
  const dataDir = mkdtempSync(join(tmpdir(), 'landsby-bench-sending-'));
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      SECRET_KEY: 'bench-secret-key-that-is-long-enough',
      PUBLIC_URL: 'https://landsby.drammen.kommune.no',
      DEMO_DATA: 'false',
    });
    const deps = { db, config, channels: timed(createChannels(config)) };
    console.log(
      `Sending benchmark: ${HOUSEHOLDS} households on ${label}, SEND_CONCURRENCY ${config.sendConcurrency}, outbox ${join(dataDir, 'outbox')}`,
    );
    await migrate(db);
    await seedPostcodes(db);
    const { ctx, eventId } = await phase('seed', async () => {
      const seeded = await seed(db);
      return { ...seeded, items: HOUSEHOLDS };
    });

    await phase('queue', async () => ({ items: await prepareInvitations(deps, ctx, eventId) }));
    await hold(deps, ctx, eventId);

    const render = {};
    for (const [name, channel] of [
      ['e-mail', 'email'],
      ['SMS', 'sms'],
      ['letters', 'letter'],
    ]) {
      await release(deps, ctx, eventId, channel);
      await phase(name, async () => {
        const sent = await drain(deps, ctx, eventId);
        const counts = await statuses(deps, ctx, eventId, channel);
        return { items: sent, note: JSON.stringify(counts) };
      });
      render[name] = await renderOnly(deps, ctx, eventId, channel);
    }

    let pdf;
    await phase('merged PDF', async () => {
      pdf = await lettersPdf(deps, ctx, eventId);
      return { items: (await statuses(deps, ctx, eventId, 'letter')).sent ?? 0 };
    });
    const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
    const letters = figures.find((f) => f.name === 'letters');
    const merged = figures.at(-1);
    merged.note = `${pages} pages, ${(pdf.length / MB).toFixed(1)} MB`;

    console.log(`\n${label}, ${HOUSEHOLDS} households (${process.arch}, Node ${process.version})`);
    const head = [
      'phase',
      'items',
      'time s',
      'per s',
      'ms/item',
      'render ms/item',
      'send in flight s',
      'RSS before MB',
      'peak RSS MB',
      'VmHWM MB',
      'peak heap MB',
      '',
    ];
    const rows = [
      ...figures,
      { ...letters, name: 'letters + merged PDF', ms: letters.ms + merged.ms, total: true },
    ].map((f) => {
      const r = render[f.name];
      const rss = f.total ? Math.max(letters.rss, merged.rss) : f.rss;
      const hwm = f.total ? Math.max(letters.hwm, merged.hwm) : f.hwm;
      const heap = f.total ? Math.max(letters.heap, merged.heap) : f.heap;
      return [
        f.name,
        String(f.items),
        (f.ms / 1000).toFixed(1),
        f.items ? ((f.items * 1000) / f.ms).toFixed(0) : '',
        f.items ? (f.ms / f.items).toFixed(2) : '',
        r ? `${(r.ms / r.count).toFixed(2)} (${r.count})` : '',
        f.name === 'e-mail' || f.name === 'SMS' || f.name === 'letters' ? (f.sendMs / 1000).toFixed(1) : '',
        (f.total ? letters.startRss : f.startRss).toFixed(0),
        rss.toFixed(0),
        Number.isNaN(hwm) ? '' : hwm.toFixed(0),
        heap.toFixed(0),
        f.total ? '' : f.note,
      ];
    });
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) =>
      cells
        .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join('  ');
    console.log(line(head));
    for (const r of rows) console.log(line(r));
    console.log(
      'render ms/item: renderInvitation alone on a sample; send in flight: wall time with a channel.send (outbox write) running.',
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const db = DATABASE_URL ? await openPostgres(DATABASE_URL) : await openPglite();
try {
  await run(db, DATABASE_URL ? 'PostgreSQL' : 'PGlite (in memory)');
} finally {
  await db.close();
}
