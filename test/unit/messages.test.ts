import { describe, expect, it } from 'vitest';
import { errorMessage, localeFromHeader } from '../../src/server/messages.js';

describe('error messages', () => {
  it('reads Norwegian first from Accept-Language', () => {
    expect(localeFromHeader(undefined)).toBe('nb');
    expect(localeFromHeader('nn-NO,nn;q=0.9')).toBe('nn');
    expect(localeFromHeader('no')).toBe('nb');
    expect(localeFromHeader('en-GB,en;q=0.8')).toBe('en');
    expect(localeFromHeader('de-DE')).toBe('nb');
  });

  it('gives each error code a message in the chosen language', () => {
    expect(errorMessage('auth.invalid_credentials', 'nb')).toMatch(/passord/);
    expect(errorMessage('auth.invalid_credentials', 'en')).toMatch(/password/);
    expect(errorMessage('auth.invalid_credentials', 'nn')).not.toBe(
      errorMessage('auth.invalid_credentials', 'en'),
    );
  });
});
