import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: session cookies, CSRF tokens, one-time links. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256, so a copy of the database opens no session or link. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** A keyed pseudonym: the same input gives the same value, but the input cannot be read back. */
export function pseudonym(secretKey: string, value: string): string {
  return createHmac('sha256', secretKey).update(value).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
