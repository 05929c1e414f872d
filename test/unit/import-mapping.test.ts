import { describe, expect, it } from 'vitest';
import type { Household } from '../../src/domain/household.js';
import { buildInput, prepareMapping, problemOf, suggestMapping } from '../../src/domain/import-mapping.js';
import {
  applySavedColumns,
  type ImportMapping,
  type Target,
  toSavedColumns,
} from '../../src/domain/import-targets.js';
import {
  parseChannels,
  parseDay,
  parseEndReason,
  parseKind,
  parseLanguage,
  parseMinutes,
  parsePostcode,
  parseRelation,
} from '../../src/domain/import-values.js';

describe('the suggested mapping', () => {
  it('knows the Norwegian headers of case-management exports', () => {
    expect(
      suggestMapping([
        'Saksnr',
        'Fornavn',
        'Etternavn',
        'E-post',
        'Mobil',
        'Adresse',
        'Postnr',
        'Poststed',
        'Hjemtype',
        'Omsorg/tilsyn',
        'Språk',
        'Barn fornavn',
        'Fødselsdato',
        'Plassert fra',
        'Plassert til',
        'Avslutningsårsak',
        'Omsorgskommune',
        'Reisetid (min)',
      ]),
    ).toEqual([
      'externalRef',
      'adult1.firstName',
      'adult1.lastName',
      'adult1.email',
      'adult1.mobile',
      'addressLine',
      'postcode',
      null,
      'kind',
      'relation',
      'adult1.language',
      'child1.firstName',
      'child1.birthDate',
      'child1.placedFrom',
      'child1.placedTo',
      'child1.endReason',
      'child1.careMunicipality',
      'travelMinutes',
    ]);
  });

  it('gives a repeated header to the second adult or child, and reads numbers and partner words', () => {
    expect(suggestMapping(['Fornavn', 'Etternavn', 'Fornavn', 'Etternavn', 'Telefon partner'])).toEqual([
      'adult1.firstName',
      'adult1.lastName',
      'adult2.firstName',
      'adult2.lastName',
      'adult2.mobile',
    ]);
    expect(suggestMapping(['Fornavn 2', 'E-postadresse', 'Barn 2 fornavn', 'Barn 2 født', 'Type'])).toEqual([
      'adult2.firstName',
      'adult1.email',
      'child2.firstName',
      'child2.birthDate',
      'kind',
    ]);
  });

  it('knows English headers and leaves unknown ones out', () => {
    expect(
      suggestMapping(['Case ID', 'First name', 'Last name', 'Phone', 'Zip', 'Kontakt', 'Merknad']),
    ).toEqual([
      'externalRef',
      'adult1.firstName',
      'adult1.lastName',
      'adult1.mobile',
      'postcode',
      null,
      null,
    ]);
  });
});

describe('saved mappings', () => {
  it('find their columns by header in the next file, even when the columns moved', () => {
    const mapping: ImportMapping = {
      columns: ['externalRef', 'adult1.firstName', 'adult2.firstName', null],
      key: 'externalRef',
      defaults: { kind: 'foster', relation: 'care' },
    };
    const saved = toSavedColumns(['ID', 'Fornavn', 'Fornavn', 'Merknad'], mapping);
    expect(saved.columns).toEqual([
      { header: 'ID', target: 'externalRef' },
      { header: 'Fornavn', target: 'adult1.firstName' },
      { header: 'Fornavn', target: 'adult2.firstName' },
    ]);
    expect(applySavedColumns(['fornavn', 'Merknad', 'Id ', 'FORNAVN', 'Ny kolonne'], saved)).toEqual([
      'adult1.firstName',
      null,
      'externalRef',
      'adult2.firstName',
      null,
    ]);
  });
});

describe('values as Norwegian offices write them', () => {
  it('reads dates as 31.12.2025, 1.2.2025, 31/12/2025 and 2025-12-31', () => {
    expect(parseDay('31.12.2025')).toBe('2025-12-31');
    expect(parseDay('1.2.2025')).toBe('2025-02-01');
    expect(parseDay('31/12/2025')).toBe('2025-12-31');
    expect(parseDay('2025-12-31')).toBe('2025-12-31');
    expect(parseDay('2025-12-31T00:00:00.000Z')).toBe('2025-12-31');
    expect(parseDay('31.12.2025 00:00')).toBe('2025-12-31');
    expect(parseDay('')).toBeNull();
    // Not a date: kept as typed, so the registry's check rejects it as one.
    expect(parseDay('i fjor')).toBe('i fjor');
  });

  it('reads kinds, relations and end reasons in words', () => {
    expect(parseKind('Fosterhjem')).toBe('foster');
    expect(parseKind('Beredskapshjem')).toBe('emergency');
    expect(parseKind('familiehjem')).toBe('family_home');
    expect(parseKind('Ressursfamilie')).toBe('resource_family');
    expect(parseKind('Institusjon')).toBeNull();
    expect(parseRelation('Omsorgskommune')).toBe('care');
    expect(parseRelation('Tilsyn')).toBe('oversight');
    expect(parseRelation('?')).toBeNull();
    expect(parseEndReason('Planlagt')).toBe('planned');
    expect(parseEndReason('Ikke planlagt')).toBe('unplanned');
    expect(parseEndReason('Brudd')).toBe('unplanned');
    expect(parseEndReason('')).toBeUndefined();
    expect(parseEndReason('vet ikke')).toBeNull();
  });

  it('reads languages, channels, minutes and postcodes', () => {
    expect(parseLanguage('Norsk')).toBe('nb');
    expect(parseLanguage('Arabisk')).toBe('ar');
    expect(parseLanguage('nb-NO')).toBe('nb');
    expect(parseLanguage('TI')).toBe('ti');
    expect(parseChannels('E-post, SMS')).toEqual(['email', 'sms']);
    expect(parseChannels('sms og brev')).toEqual(['sms', 'letter']);
    expect(parseChannels('Digipost')).toEqual(['digital_mail']);
    expect(parseChannels('brevdue')).toBeNull();
    expect(parseMinutes('45')).toBe(45);
    expect(parseMinutes('45 min')).toBe(45);
    expect(parseMinutes('1:15')).toBe(75);
    expect(parseMinutes('langt')).toBeNull();
    expect(parsePostcode('372')).toBe('0372');
    expect(parsePostcode('NO-0150')).toBe('0150');
    expect(parsePostcode('3370')).toBe('3370');
  });
});

const HEADERS = [
  'Saksnr',
  'Fornavn',
  'Etternavn',
  'Mobil',
  'Type',
  'Barn',
  'Fødselsdato',
  'Plassert fra',
  'Plassert til',
  'Årsak',
];
const TARGETS: (Target | null)[] = [
  'externalRef',
  'adult1.firstName',
  'adult1.lastName',
  'adult1.mobile',
  'kind',
  'child1.firstName',
  'child1.birthDate',
  'child1.placedFrom',
  'child1.placedTo',
  'child1.endReason',
];
const mapping = prepareMapping(
  { columns: TARGETS, key: 'externalRef', defaults: { kind: 'emergency', relation: 'oversight' } },
  HEADERS,
);

const stored: Household = {
  id: 'h1',
  kind: 'foster',
  relation: 'care',
  externalRef: 'FS-1',
  address: { line: 'Storgata 1', postcode: '3370', place: 'VIKERSUND' },
  travelMinutes: 30,
  travelSource: 'postcode_table',
  adults: [
    {
      id: 'a1',
      firstName: 'Kari',
      lastName: 'Nordmann',
      email: 'kari@example.no',
      mobile: '+4741234567',
      preferredLanguage: 'nb',
      preferredChannels: ['sms'],
    },
  ],
  children: [
    { id: 'c2', firstName: 'Emma', birthDate: '2014-05-17' },
    { id: 'c1', firstName: 'Jonas', birthDate: '2016-01-02' },
  ],
  placements: [
    {
      id: 'p1',
      childId: 'c2',
      startDate: '2020-01-01',
      endDate: null,
      endReason: null,
      careMunicipality: null,
    },
  ],
};

describe('a row into a household', () => {
  it('makes a new household with the defaults of the file where the row does not say', () => {
    const { input, problems } = buildInput(
      ['FS-9', 'Ola', 'Hansen', '412 34 567', '', 'Ida', '01.02.2018', '01.09.2023', '', ''],
      mapping,
      null,
    );
    expect(problems).toEqual([]);
    expect(input).toMatchObject({
      kind: 'emergency',
      relation: 'oversight',
      externalRef: 'FS-9',
      adults: [{ firstName: 'Ola', lastName: 'Hansen', mobile: '412 34 567' }],
      children: [{ firstName: 'Ida', birthDate: '2018-02-01' }],
      placements: [{ childIndex: 0, startDate: '2023-09-01' }],
    });
  });

  it('starts from the stored household: empty cells keep what is there, nobody is removed', () => {
    const { input } = buildInput(['FS-1', 'Kari', 'Nordmann', '', '', '', '', '', '', ''], mapping, stored);
    expect(input).toMatchObject({
      id: 'h1',
      kind: 'foster',
      travelMinutes: null, // from the travel-time table: looked up again
      adults: [{ id: 'a1', mobile: '+4741234567', preferredChannels: ['sms'] }],
      children: [{ id: 'c2' }, { id: 'c1' }],
      placements: [{ id: 'p1', childIndex: 0 }],
    });
  });

  it('recognises a stored child and ends its placement; a new child is put in birth-date order', () => {
    const update = buildInput(
      [
        'FS-1',
        'Kari',
        'Nordmann',
        '',
        'Beredskapshjem',
        'emma',
        '17.05.2014',
        '01.01.2020',
        '30.06.2025',
        'Brudd',
      ],
      mapping,
      stored,
    );
    expect(update.input.kind).toBe('emergency');
    expect(update.input.children).toEqual(
      stored.children.map(({ id, firstName, birthDate }) => ({ id, firstName, birthDate })),
    );
    expect(update.input.placements).toEqual([
      expect.objectContaining({ id: 'p1', childIndex: 0, endDate: '2025-06-30', endReason: 'unplanned' }),
    ]);

    const added = buildInput(
      ['FS-1', '', '', '', '', 'Aksel', '2010-03-04', '2024-01-01', '', ''],
      mapping,
      stored,
    );
    expect(added.input.children?.map((c) => c.firstName)).toEqual(['Aksel', 'Emma', 'Jonas']);
    expect(added.input.placements).toEqual([
      expect.objectContaining({ id: 'p1', childIndex: 1 }),
      expect.objectContaining({ childIndex: 0, startDate: '2024-01-01' }),
    ]);
    expect(added.origin.children).toEqual([1, null, null]);
  });

  it("names unreadable values by column, and maps the registry's complaints back to columns", () => {
    const built = buildInput(
      ['FS-2', 'Per', '', '', 'Institusjon', 'Lea', '', '', '', 'kanskje'],
      mapping,
      null,
    );
    expect(built.problems).toEqual([
      { field: 'kind', column: 'Type', rule: 'range' },
      { field: 'child1.birthDate', column: 'Fødselsdato', rule: 'required' },
    ]);
    expect(problemOf({ field: 'adults.0.lastName', rule: 'required' }, built, mapping)).toEqual({
      field: 'adult1.lastName',
      column: 'Etternavn',
      rule: 'required',
    });
    expect(problemOf({ field: 'adults', rule: 'required' }, built, mapping).column).toBe('Fornavn');
  });
});

describe('exports as offices make them (issue 16)', () => {
  const headers = [
    'Fosterhjemsnr',
    'Etternavn',
    'Fornavn forelder 1',
    'Fornavn forelder 2',
    'Mobil forelder 2',
    'Fødselsdato barn 1',
    'Fødselsdato barn 2',
  ];
  const exportMapping = prepareMapping(
    { columns: suggestMapping(headers), key: 'externalRef', defaults: { kind: 'foster', relation: 'care' } },
    headers,
  );

  it('suggests the key column as offices name it', () => {
    expect(suggestMapping(['Fosterhjemsnr', 'Saksnr', 'Klientnr', 'ID']).filter(Boolean)).toEqual([
      'externalRef',
    ]);
    for (const header of ['Fosterhjemsnr', 'Saksnr', 'Klientnr', 'ID', 'Fosterhjem-ID', 'Klient-ID']) {
      expect(suggestMapping([header]), header).toEqual(['externalRef']);
    }
    expect(exportMapping.columns).toEqual([
      'externalRef',
      'adult1.lastName',
      'adult1.firstName',
      'adult2.firstName',
      'adult2.mobile',
      'child1.birthDate',
      'child2.birthDate',
    ]);
  });

  it('gives the second adult the shared surname, and takes children known by birth date alone', () => {
    const { input, problems } = buildInput(
      ['FH-1', 'Nordmann', 'Kari', 'Ola', '', '03.04.2012', '17.05.2016'],
      exportMapping,
      null,
    );
    expect(problems).toEqual([]);
    expect(input.adults).toMatchObject([
      { firstName: 'Kari', lastName: 'Nordmann' },
      { firstName: 'Ola', lastName: 'Nordmann' },
    ]);
    expect(input.children).toEqual([
      { firstName: null, birthDate: '2012-04-03' },
      { firstName: null, birthDate: '2016-05-17' },
    ]);
  });

  it('adds a name from a later export to the stored child of the same birth date, without a second child', () => {
    const unnamed: Household = {
      ...stored,
      children: [{ id: 'c9', firstName: null, birthDate: '2012-04-03' }],
      placements: [],
    };
    const named = prepareMapping(
      {
        columns: ['externalRef', 'child1.firstName', 'child1.birthDate'],
        key: 'externalRef',
        defaults: mapping.defaults,
      },
      ['Saksnr', 'Barn', 'Født'],
    );
    expect(buildInput(['FS-1', 'Mia', '03.04.2012'], named, unnamed).input.children).toEqual([
      { id: 'c9', firstName: 'Mia', birthDate: '2012-04-03' },
    ]);
    // A row without the name is the stored child of that birth date, its name kept.
    expect(buildInput(['FS-1', '', '17.05.2014'], named, stored).input.children).toEqual(stored.children);
  });
});
