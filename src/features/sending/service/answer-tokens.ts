import { createHash, createHmac } from 'node:crypto';

/**
 * The token of a household's personal answer link: 128 bits derived from the invitation's id with
 * the secret key. Derived rather than stored, so a retry or a reminder can carry the same link;
 * only its hash is in the database (invitation.token_hash), to find the invitation when the link
 * is opened. Whoever holds the database alone cannot make a link.
 */
export function answerToken(secretKey: string, invitationId: string): string {
  return createHmac('sha256', secretKey)
    .update(`answer-link:${invitationId}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/** How the token is stored and looked up. */
export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function answerUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/svar/${token}`;
}

/**
 * The token of a household's evaluation questionnaire link (En god start): derived from the
 * link's id with the secret key as the answer links are, so the team's page and the message
 * carry the same link; only its hash is stored (evaluation_link.token_hash).
 */
export function questionnaireToken(secretKey: string, linkId: string): string {
  return createHmac('sha256', secretKey)
    .update(`evaluation-link:${linkId}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

export const questionnairePath = (token: string) => `/sporreskjema/${token}`;

export function questionnaireUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${questionnairePath(token)}`;
}
