import type { MessageSender } from '../../channels/types.js';
import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { CHANNELS, type Channel } from '../../domain/household.js';
import { checkSender, defaultSenderName } from '../../domain/sender.js';
import type { Config } from '../../server/config.js';
import type { Deps } from '../../server/deps.js';
import { invalid } from '../../server/errors.js';
import { openSecret, SecretError, sealSecret } from '../../server/secret-box.js';
import { audit } from '../audit/index.js';
import { municipalityName } from '../templates/index.js';
import type { SenderSettings, SenderSettingsInput } from './contract.js';
import * as q from './queries.js';

type SettingsDeps = Pick<Deps, 'db'> & {
  config: Pick<Config, 'secretKey' | 'mailFrom' | 'smsFrom' | 'svarut' | 'sveve'>;
};

/** The associated data a password is sealed with: it opens only in its own row and field. */
const purpose = (municipalityId: number, field: 'svarut' | 'sveve') =>
  `sender_setting:${municipalityId}:${field}`;

/** "Landsby <noreply@kommune.no>" → noreply@kommune.no */
const addressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

async function present(
  deps: SettingsDeps,
  tx: Queryable,
  municipalityId: number,
  row: q.SenderRow | undefined,
): Promise<SenderSettings> {
  return {
    senderName: row?.senderName ?? null,
    emailAddress: row?.emailAddress ?? null,
    smsFrom: row?.smsFrom ?? null,
    channels: (row?.channels ?? [...CHANNELS]) as Channel[],
    svarut:
      row?.svarutKontoId && row.svarutIntegrasjonId
        ? { kontoId: row.svarutKontoId, integrasjonId: row.svarutIntegrasjonId }
        : null,
    sveve: row?.sveveUser ? { user: row.sveveUser } : null,
    installation: {
      senderName: defaultSenderName(await municipalityName(tx, municipalityId)),
      emailAddress: addressOf(deps.config.mailFrom),
      smsFrom: deps.config.smsFrom,
      svarutConnected: deps.config.svarut !== undefined,
      sveveConnected: deps.config.sveve !== undefined,
    },
  };
}

export async function getSenderSettings(deps: SettingsDeps, ctx: TenantContext): Promise<SenderSettings> {
  return inTenant(deps.db, ctx, async (tx) =>
    present(deps, tx, ctx.municipalityId, await q.findSender(tx, ctx.municipalityId)),
  );
}

const blank = (value: string | null) => (value?.trim() ? value.trim() : null);

/**
 * Saves the municipality's sender settings. A password given is sealed before it is stored; one
 * left out keeps the stored one. The audit entry names what changed, and of a password only that
 * it was replaced.
 */
export async function saveSenderSettings(
  deps: SettingsDeps,
  ctx: TenantContext,
  input: SenderSettingsInput,
): Promise<SenderSettings> {
  const fields = {
    ...input,
    senderName: blank(input.senderName),
    emailAddress: blank(input.emailAddress)?.toLowerCase() ?? null,
    smsFrom: blank(input.smsFrom),
  };
  return inTenant(deps.db, ctx, async (tx) => {
    const before = await q.findSender(tx, ctx.municipalityId);
    const errors = checkSender(fields, {
      svarut: Boolean(before?.svarutIntegrasjonPassord),
      sveve: Boolean(before?.svevePassword),
    });
    if (errors.length > 0) throw invalid(errors);
    const seal = (field: 'svarut' | 'sveve', plain: string) =>
      sealSecret(deps.config.secretKey, purpose(ctx.municipalityId, field), plain);
    const { svarut, sveve } = fields;
    const row: q.SenderRow = {
      senderName: fields.senderName,
      emailAddress: fields.emailAddress,
      smsFrom: fields.smsFrom,
      // All four is the default: stored as NULL, so a channel added to Landsby later is on.
      channels: CHANNELS.every((c) => fields.channels.includes(c))
        ? null
        : CHANNELS.filter((c) => fields.channels.includes(c)),
      svarutKontoId: svarut?.kontoId.toLowerCase() ?? null,
      svarutIntegrasjonId: svarut?.integrasjonId.toLowerCase() ?? null,
      svarutIntegrasjonPassord: svarut
        ? svarut.integrasjonPassord
          ? seal('svarut', svarut.integrasjonPassord)
          : (before?.svarutIntegrasjonPassord ?? null)
        : null,
      sveveUser: sveve?.user.trim() ?? null,
      svevePassword: sveve
        ? sveve.password
          ? seal('sveve', sveve.password)
          : (before?.svevePassword ?? null)
        : null,
    };
    await q.saveSender(tx, ctx.municipalityId, row);
    const shown = await present(deps, tx, ctx.municipalityId, row);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'sender_setting',
      details: {
        senderName: shown.senderName,
        emailAddress: shown.emailAddress,
        smsFrom: shown.smsFrom,
        channels: shown.channels,
        svarut: shown.svarut,
        sveve: shown.sveve,
        // Never the password itself, nor its sealed form: only that a new one was given.
        svarutPasswordReplaced: Boolean(svarut?.integrasjonPassord),
        svevePasswordReplaced: Boolean(sveve?.password),
      },
    });
    return shown;
  });
}

/** What the sending needs of the municipality's settings, passwords opened. */
export interface MunicipalitySender {
  /** The e-mail sender's name: the municipality's own, else "Fosterhjemstjenesten, <name>". */
  name: string;
  sender: MessageSender;
  channels: Channel[];
  /** A stored password that no longer opens (SECRET_KEY changed): that channel's messages fail. */
  unreadable: ('digital_mail' | 'sms')[];
}

/** Read inside the sending's own tenant transaction (features/sending). */
export async function municipalitySender(
  tx: Queryable,
  municipalityId: number,
  secretKey: string,
): Promise<MunicipalitySender> {
  const row = await q.findSender(tx, municipalityId);
  const sender: MessageSender = {};
  const unreadable: MunicipalitySender['unreadable'] = [];
  const open = (field: 'svarut' | 'sveve', sealed: string) => {
    try {
      return openSecret(secretKey, purpose(municipalityId, field), sealed);
    } catch (error) {
      if (error instanceof SecretError) return undefined;
      throw error;
    }
  };
  if (row?.emailAddress) sender.emailAddress = row.emailAddress;
  if (row?.smsFrom) sender.smsFrom = row.smsFrom;
  if (row?.svarutKontoId && row.svarutIntegrasjonId && row.svarutIntegrasjonPassord) {
    const integrasjonPassord = open('svarut', row.svarutIntegrasjonPassord);
    if (integrasjonPassord === undefined) unreadable.push('digital_mail');
    else
      sender.svarut = {
        kontoId: row.svarutKontoId,
        integrasjonId: row.svarutIntegrasjonId,
        integrasjonPassord,
      };
  }
  if (row?.sveveUser && row.svevePassword) {
    const password = open('sveve', row.svevePassword);
    if (password === undefined) unreadable.push('sms');
    else sender.sveve = { user: row.sveveUser, password };
  }
  return {
    name: row?.senderName ?? defaultSenderName(await municipalityName(tx, municipalityId)),
    sender,
    channels: (row?.channels ?? [...CHANNELS]) as Channel[],
    unreadable,
  };
}
