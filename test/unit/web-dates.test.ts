import { afterEach, describe, expect, it, vi } from 'vitest';
import { longDate, weekdayName } from '../../src/web/shared/dates.js';

// Dates as the staff UI writes them. Chromium's ICU has no nynorsk (it formats nn-NO in English):
// the second case is how the browser sees it.
describe('dates in nynorsk', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names the weekdays in nynorsk: tysdag, laurdag, sundag', () => {
    expect(longDate('2027-01-19', 'nn')).toBe('tysdag 19. januar 2027');
    expect(weekdayName(6, 'nn')).toBe('laurdag');
    expect(longDate('2027-01-19', 'nb')).toBe('tirsdag 19. januar 2027');
  });

  it('names them in nynorsk too where the browser has no nynorsk data (Chromium)', () => {
    vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockImplementation((locales) =>
      [locales].flat().filter((l): l is string => typeof l === 'string' && !l.startsWith('nn')),
    );
    expect(longDate('2027-01-19', 'nn')).toBe('tysdag 19. januar 2027');
    expect(weekdayName(1, 'nn')).toBe('måndag');
    expect(weekdayName(7, 'nn')).toBe('sundag');
    expect(weekdayName(3, 'nn')).toBe('onsdag');
  });
});
