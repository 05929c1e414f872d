import { asSystem, inTenant, type TenantContext } from '../../../db/tenant.js';
import {
  type AgreementSection,
  agreementPdf,
  agreementSections,
  agreementText,
} from '../../../documents/agreement.js';
import { todayInOslo } from '../../../domain/calendar.js';
import { householdLanguage, householdWords } from '../../../i18n/household/index.js';
import type { AgreementSigningWords } from '../../../i18n/household/types.js';
import { sha256 } from '../../../server/crypto.js';
import type { Deps } from '../../../server/deps.js';
import { audit } from '../../audit/index.js';
import { SIGNING_TOKEN } from '../../networks/index.js';
import * as q from '../queries.js';
import { agreementDocument } from './edit-agreement.js';

export interface AgreementPageData {
  ctx: TenantContext;
  signer: q.SignerLinkRow;
  language: string;
  words: AgreementSigningWords;
  sections: AgreementSection[];
  /** false: the agreement has ended (a signature made before still shows) */
  open: boolean;
}

/** The words in the adult's language, bokmål where the language has none of its own. */
function wordsFor(language: string): { language: string; words: AgreementSigningWords } {
  const own = householdLanguage(language);
  const words = own ? householdWords(own).agreementSigning : undefined;
  if (own && words) return { language: own, words };
  return { language: 'nb', words: householdWords('nb').agreementSigning as AgreementSigningWords };
}

/** Finds the signer of a personal link; undefined for a link that is wrong (or replaced). */
async function signerOf(deps: Deps, token: string, ip: string | null) {
  if (!SIGNING_TOKEN.test(token)) return undefined;
  const found = await asSystem(deps.db, (tx) => q.signerByHash(tx, sha256(token)));
  if (!found) return undefined;
  return { id: found.id, ctx: { municipalityId: found.municipalityId, userId: null, ip } as TenantContext };
}

/** What the signing page shows (audited as a read of the agreement by its adult). */
export async function agreementPageData(deps: Deps, token: string, ip: string | null) {
  const found = await signerOf(deps, token, ip);
  if (!found) return undefined;
  const { ctx } = found;
  return inTenant(deps.db, ctx, async (tx): Promise<AgreementPageData | undefined> => {
    const signer = await q.findSigner(tx, ctx.municipalityId, found.id);
    if (!signer) return undefined;
    const doc = await agreementDocument(tx, ctx, signer.agreementId);
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'agreement',
      recordId: signer.agreementId,
      subjectId: signer.adultId,
      details: { via: 'signing_page' },
    });
    return {
      ctx,
      signer,
      ...wordsFor(signer.preferredLanguage),
      sections: agreementSections(doc.content),
      open: doc.row.endOn >= todayInOslo(),
    };
  });
}

/** Signs once: a double submit (or a reload) finds the signature and keeps the first. */
export async function signAgreement(deps: Deps, data: AgreementPageData): Promise<void> {
  if (!data.open || data.signer.signedAt) return;
  await inTenant(deps.db, data.ctx, async (tx) => {
    const signed = await q.sign(tx, data.ctx.municipalityId, data.signer.id, agreementText(data.sections));
    if (signed) {
      await audit(tx, data.ctx, {
        action: 'create',
        recordType: 'agreement_signature',
        recordId: data.signer.agreementId,
        subjectId: data.signer.adultId,
        details: { via: 'link' },
      });
    }
  });
}

/** The agreement as a PDF for the adult of the link; undefined for a wrong link. */
export async function agreementPdfForSigner(deps: Deps, token: string, ip: string | null) {
  const found = await signerOf(deps, token, ip);
  if (!found) return undefined;
  const { ctx } = found;
  const doc = await inTenant(deps.db, ctx, async (tx) => {
    const signer = await q.findSigner(tx, ctx.municipalityId, found.id);
    if (!signer) return undefined;
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'agreement',
      recordId: signer.agreementId,
      subjectId: signer.adultId,
      details: { via: 'signing_page', as: 'pdf' },
    });
    return agreementDocument(tx, ctx, signer.agreementId);
  });
  if (!doc) return undefined;
  return agreementPdf({ ...doc.content, signatures: doc.signatures, made: todayInOslo() });
}
