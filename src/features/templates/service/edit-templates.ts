import type { Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import {
  baseLanguage,
  checkTemplate,
  chooseLanguage,
  directionOf,
  type InvitationTemplate,
  TemplateError,
  type TemplateText,
} from '../../../domain/template.js';
import { DEFAULT_LANGUAGES, defaultTemplate, MACHINE_TRANSLATED } from '../../../i18n/household/index.js';
import type { Deps } from '../../../server/deps.js';
import { invalid } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import type { TemplateView } from '../contract.js';
import { unknownField } from '../errors.js';
import * as q from '../queries.js';

const LANGUAGE = /^[a-z]{2,3}$/;

function checkLanguage(language: string): string {
  const base = baseLanguage(language);
  if (!LANGUAGE.test(base)) throw invalid([{ field: 'language', rule: 'language' }]);
  return base;
}

async function templateOf(
  tx: Queryable,
  municipalityId: number,
  language: string,
): Promise<TemplateView | undefined> {
  const row = await q.findTemplate(tx, municipalityId, language);
  if (row) {
    return {
      language,
      direction: directionOf(language),
      subject: row.subject,
      body: row.body,
      sms: row.sms,
      custom: true,
      machineTranslated: false,
      version: row.version,
    };
  }
  const fallback = defaultTemplate(language);
  if (!fallback) return undefined;
  const machineTranslated = (MACHINE_TRANSLATED as string[]).includes(language);
  return { ...fallback, custom: false, machineTranslated, version: null };
}

export async function getTemplate(deps: Deps, ctx: TenantContext, language: string): Promise<TemplateView> {
  const base = checkLanguage(language);
  return inTenant(deps.db, ctx, async (tx) => {
    const found = await templateOf(tx, ctx.municipalityId, base);
    if (found) return found;
    // No template in this language yet: bokmål's, to translate from.
    const nb = (await templateOf(tx, ctx.municipalityId, 'nb')) as TemplateView;
    return {
      ...nb,
      language: base,
      direction: directionOf(base),
      custom: false,
      machineTranslated: false,
      version: null,
    };
  });
}

export async function saveTemplate(
  deps: Deps,
  ctx: TenantContext,
  language: string,
  input: TemplateText,
): Promise<TemplateView> {
  const base = checkLanguage(language);
  const template = { subject: input.subject.trim(), body: input.body.trim(), sms: input.sms.trim() };
  const errors = (['subject', 'body', 'sms'] as const)
    .filter((part) => template[part] === '')
    .map((field) => ({ field, rule: 'required' }));
  if (errors.length > 0) throw invalid(errors);
  try {
    checkTemplate(template);
  } catch (error) {
    if (error instanceof TemplateError) throw unknownField(error);
    throw error;
  }
  return inTenant(deps.db, ctx, async (tx) => {
    await q.saveTemplate(tx, ctx.municipalityId, base, template, ctx.userId);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'invitation_template',
      details: { language: base },
    });
    return (await templateOf(tx, ctx.municipalityId, base)) as TemplateView;
  });
}

/**
 * Picks the template for a household from its adults' languages: the team's own template in that
 * language, else the built-in default, else bokmål. Reads the stored templates once, for a whole
 * sending.
 */
export async function templateChooser(
  tx: Queryable,
  municipalityId: number,
): Promise<(languages: string[]) => InvitationTemplate> {
  const stored = new Map((await q.listTemplates(tx, municipalityId)).map((t) => [t.language, t]));
  const available = [...stored.keys(), ...DEFAULT_LANGUAGES];
  return (languages) => {
    const language = chooseLanguage(languages, available);
    const row = stored.get(language);
    if (row)
      return {
        language,
        direction: directionOf(language),
        subject: row.subject,
        body: row.body,
        sms: row.sms,
      };
    return defaultTemplate(language) ?? (defaultTemplate('nb') as InvitationTemplate);
  };
}
