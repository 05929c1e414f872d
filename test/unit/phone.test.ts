import { describe, expect, it } from 'vitest';
import { displayMobile } from '../../src/domain/phone.js';

describe('displayMobile', () => {
  it('groups a Norwegian mobile as 3-2-3 and an other country as libphonenumber does', () => {
    expect(displayMobile('+4741234567')).toBe('412 34 567');
    expect(displayMobile('+4791234567')).toBe('912 34 567');
    expect(displayMobile('+46701234567')).toBe('+46 70 123 45 67');
    expect(displayMobile('not a number')).toBe('not a number');
  });
});
