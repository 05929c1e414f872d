import { asSystem, inTenant, type TenantContext } from '../../../db/tenant.js';
import { CONFIDENTIALITY_TEXT_VERSION } from '../../../domain/network.js';
import { householdLanguage, householdWords } from '../../../i18n/household/index.js';
import type { ConfidentialityWords } from '../../../i18n/household/types.js';
import { sha256 } from '../../../server/crypto.js';
import type { Deps } from '../../../server/deps.js';
import { audit } from '../../audit/index.js';
import * as gateQ from '../queries/gate.js';
import { SIGNING_TOKEN } from './edit-membership.js';

export interface SigningPageData {
  ctx: TenantContext;
  link: gateQ.SigningLinkRow;
  language: string;
  words: ConfidentialityWords;
  /** false: the link was replaced or the membership ended (a signature made before still shows) */
  open: boolean;
}

/** The words in the adult's language, bokmål where the language has none of its own. */
function wordsFor(language: string): { language: string; words: ConfidentialityWords } {
  const own = householdLanguage(language);
  const words = own ? householdWords(own).confidentiality : undefined;
  if (own && words) return { language: own, words };
  return { language: 'nb', words: householdWords('nb').confidentiality as ConfidentialityWords };
}

/** The agreement exactly as the page shows it: what is kept with the signature. */
export const agreementText = (words: ConfidentialityWords) => [words.title, ...words.agreement].join('\n\n');

/** What the signing page shows; undefined for a link that is wrong. */
export async function signingPageData(deps: Deps, token: string, ip: string | null) {
  if (!SIGNING_TOKEN.test(token)) return undefined;
  const found = await asSystem(deps.db, (tx) => gateQ.signingLinkByHash(tx, sha256(token)));
  if (!found) return undefined;
  const ctx: TenantContext = { municipalityId: found.municipalityId, userId: null, ip };
  return inTenant(deps.db, ctx, async (tx): Promise<SigningPageData | undefined> => {
    const link = await gateQ.findSigningLink(tx, ctx.municipalityId, found.id);
    if (!link) return undefined;
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'signing_link',
      recordId: link.memberId,
      subjectId: link.adultId,
      details: { via: 'signing_page' },
    });
    return { ctx, link, ...wordsFor(link.preferredLanguage), open: !link.replaced && link.memberOpen };
  });
}

/** Signs once: a double submit (or a reload) finds the signature and keeps the first. */
export async function signAgreement(deps: Deps, data: SigningPageData): Promise<void> {
  if (!data.open || data.link.signedAt) return;
  await inTenant(deps.db, data.ctx, async (tx) => {
    const signed = await gateQ.insertSignature(tx, data.ctx.municipalityId, {
      memberId: data.link.memberId,
      adultId: data.link.adultId,
      textVersion: CONFIDENTIALITY_TEXT_VERSION,
      textShown: agreementText(data.words),
      language: data.language,
      signingLinkId: data.link.id,
    });
    if (signed) {
      await audit(tx, data.ctx, {
        action: 'create',
        recordType: 'confidentiality_signature',
        recordId: data.link.memberId,
        subjectId: data.link.adultId,
        details: { via: 'link', textVersion: CONFIDENTIALITY_TEXT_VERSION },
      });
    }
  });
}
