import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets a municipality gives Landsby (its SvarUt integration password, its Sveve password) are
 * kept sealed: AES-256-GCM under a key derived from SECRET_KEY with HKDF-SHA256. A copy of the
 * database alone opens none of them. `purpose` is bound to the ciphertext as associated data
 * ("sender_setting:12:svarut"), so a sealed value copied to another municipality's row or field
 * does not open there. Format: v1.<iv>.<tag>.<ciphertext>, each base64url.
 */

const VERSION = 'v1';

/** Thrown when a sealed value does not open: SECRET_KEY changed, or the value was tampered with. */
export class SecretError extends Error {}

function keyOf(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'landsby secret-box', 'aes-256-gcm v1', 32));
}

export function sealSecret(secretKey: string, purpose: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secretKey), iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, ...[iv, cipher.getAuthTag(), data].map((p) => p.toString('base64url'))].join('.');
}

export function openSecret(secretKey: string, purpose: string, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || data === undefined)
    throw new SecretError('Not a sealed secret.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secretKey), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new SecretError('The secret does not open with this SECRET_KEY.');
  }
}
