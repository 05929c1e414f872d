import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Address, addressLines } from '../../src/web/shared/Address.js';

describe('an address as staff see it', () => {
  it('keeps a two-line street address on two lines, the postcode and place on the last', () => {
    const address = { line: 'c/o Hansen\nBjørnåsveien 12 B', postcode: '1384', place: 'Asker' };
    expect(addressLines(address)).toEqual(['c/o Hansen', 'Bjørnåsveien 12 B', '1384 Asker']);
    expect(renderToStaticMarkup(createElement(Address, { address, empty: 'Ikke oppgitt' }))).toBe(
      'c/o Hansen<br/>Bjørnåsveien 12 B<br/>1384 Asker',
    );
  });

  it('says so when there is no address', () => {
    expect(
      renderToStaticMarkup(createElement(Address, { address: { line: ' ' }, empty: 'Ikke oppgitt' })),
    ).toBe('Ikke oppgitt');
  });
});
