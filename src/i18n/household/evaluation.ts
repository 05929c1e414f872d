import { baseLanguage } from '../../domain/template.js';

/**
 * The words of En god start's questionnaire page (the evaluation tool), in the languages it is
 * written in; a household of another language reads bokmål. The questions themselves are the
 * team's (nb, nn, en), so they live with the questionnaire.
 */
export interface EvaluationWords {
  title: string;
  team: (municipality: string) => string;
  intro: { before: string; after: string };
  private: string;
  scale: [string, string, string, string, string];
  optional: string;
  send: string;
  change: string;
  errorsHeading: string;
  missing: string;
  savedTitle: string;
  saved: string;
  badLinkTitle: string;
  badLink: string;
  busyTitle: string;
  busy: string;
}

const nb: EvaluationWords = {
  title: 'En god start: spørreskjema',
  team: (m) => `Fosterhjemstjenesten, ${m}`,
  intro: {
    before: 'Før første samling vil vi gjerne vite hvordan dere har det som nytt fosterhjem.',
    after:
      'Nå som kurset er ferdig, vil vi gjerne vite hvordan dere har det. Spørsmålene er de samme som før første samling.',
  },
  private: 'Svarene brukes bare til å gjøre En god start bedre. Vi viser dem aldri med navnet ditt.',
  scale: ['1 – Helt uenig', '2 – Litt uenig', '3 – Både og', '4 – Litt enig', '5 – Helt enig'],
  optional: 'Valgfritt',
  send: 'Send svarene',
  change: 'Endre svarene',
  errorsHeading: 'Noe mangler',
  missing: 'Velg et svar på dette spørsmålet.',
  savedTitle: 'Takk for svarene!',
  saved: 'Svarene er lagret. Du kan endre dem her så lenge lenken virker.',
  badLinkTitle: 'Lenken virker ikke',
  badLink: 'Lenken er feil eller utløpt. Ta kontakt med kontaktpersonen din.',
  busyTitle: 'For mange forsøk',
  busy: 'Vent litt og prøv igjen.',
};

const nn: EvaluationWords = {
  title: 'Ein god start: spørjeskjema',
  team: (m) => `Fosterheimstenesta, ${m}`,
  intro: {
    before: 'Før første samling vil vi gjerne vite korleis de har det som ny fosterheim.',
    after:
      'No som kurset er ferdig, vil vi gjerne vite korleis de har det. Spørsmåla er dei same som før første samling.',
  },
  private: 'Svara blir berre brukte til å gjere Ein god start betre. Vi viser dei aldri med namnet ditt.',
  scale: ['1 – Heilt usamd', '2 – Litt usamd', '3 – Både og', '4 – Litt samd', '5 – Heilt samd'],
  optional: 'Valfritt',
  send: 'Send svara',
  change: 'Endre svara',
  errorsHeading: 'Noko manglar',
  missing: 'Vel eit svar på dette spørsmålet.',
  savedTitle: 'Takk for svara!',
  saved: 'Svara er lagra. Du kan endre dei her så lenge lenka verkar.',
  badLinkTitle: 'Lenka verkar ikkje',
  badLink: 'Lenka er feil eller utgått. Ta kontakt med kontaktpersonen din.',
  busyTitle: 'For mange forsøk',
  busy: 'Vent litt og prøv igjen.',
};

const en: EvaluationWords = {
  title: 'A good start: questionnaire',
  team: (m) => `Foster care services, ${m}`,
  intro: {
    before: 'Before the first session we would like to know how you are doing as a new foster family.',
    after:
      'Now that the course is over, we would like to know how you are doing. The questions are the same as before the first session.',
  },
  private: 'Your answers are used only to make A good start better. We never show them with your name.',
  scale: ['1 – Strongly disagree', '2 – Disagree', '3 – Neither', '4 – Agree', '5 – Strongly agree'],
  optional: 'Optional',
  send: 'Send the answers',
  change: 'Change the answers',
  errorsHeading: 'Something is missing',
  missing: 'Choose an answer to this question.',
  savedTitle: 'Thank you for your answers!',
  saved: 'Your answers are saved. You can change them here while the link works.',
  badLinkTitle: 'The link does not work',
  badLink: 'The link is wrong or has expired. Please contact your contact person.',
  busyTitle: 'Too many tries',
  busy: 'Please wait a little and try again.',
};

const WORDS = { nb, nn, en };
export type EvaluationLanguage = keyof typeof WORDS;

/** The questionnaire's language for a household's language: its own, or bokmål. */
export function evaluationLanguage(language: string): EvaluationLanguage {
  const base = baseLanguage(language);
  return base in WORDS ? (base as EvaluationLanguage) : 'nb';
}

export function evaluationWords(language: string): EvaluationWords {
  return WORDS[evaluationLanguage(language)];
}
