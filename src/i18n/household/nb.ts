import type { HouseholdWords } from './types.js';

const dotted = (time: string) => time.replace(':', '.');

const persons: HouseholdWords['persons'] = (adults, children) => ({
  adults: `${adults} ${adults === 1 ? 'voksen' : 'voksne'}`,
  children: `${children} barn`,
});

/** Bokmål: the source language, which every other language is translated from and a language without words of its own falls back to. */
export const nb: HouseholdWords = {
  language: 'nb',
  persons,
  help: 'Spørsmål? Ta kontakt med fosterhjemstjenesten i kommunen deres, så hjelper vi dere.',
  answer: {
    team: 'Fosterhjemstjenesten',
    hello: (names) => `Hei ${names}!`,
    when: 'Når',
    where: 'Hvor',
    map: 'Vis i kart',
    programme: 'Program',
    hosts: 'Vertskap',
    question: 'Kommer dere?',
    coming: 'Ja, vi kommer',
    notComing: 'Nei, vi kommer ikke',
    maybe: 'Kanskje',
    adults: 'Antall voksne',
    children: 'Antall barn',
    diet: 'Hensyn i maten',
    diets: {
      vegetarian: 'Vegetar',
      vegan: 'Vegan',
      halal: 'Halal',
      no_pork: 'Ikke svinekjøtt',
      gluten_free: 'Glutenfritt',
      lactose_free: 'Laktosefritt',
      nut_allergy: 'Nøtteallergi',
      fish_allergy: 'Fiskeallergi',
      egg_allergy: 'Eggallergi',
    },
    dietNote: 'Annet om maten (valgfritt)',
    comment: 'Kommentar til oss (valgfritt)',
    commentHint: (max) => `Høyst ${max} tegn.`,
    send: 'Send svar',
    change: 'Endre svaret',
    saved: 'Takk! Svaret er lagret.',
    yourAnswer: 'Svaret deres',
    answerComing: (a, c) => {
      const p = persons(a, c);
      return `Dere kommer: ${p.adults} og ${p.children}.`;
    },
    answerWaiting: (p) =>
      `Kafeen er full. Dere står på venteliste som nummer ${p}, og vi sier fra hvis det blir plass.`,
    answerMaybe: 'Dere kommer kanskje.',
    answerNotComing: 'Dere kommer ikke denne gangen.',
    deadline: (d) => `Svar innen ${d}. Dere kan endre svaret fram til da.`,
    deadlinePassed: (d, h) =>
      `Svarfristen var ${d}. Vil dere endre svaret, ta kontakt med ${h} i fosterhjemstjenesten.`,
    closed: 'Denne kafeen har vært eller er avlyst. Takk for at dere fulgte med!',
    cancelled: 'Kafeen er dessverre avlyst. Vi håper å se dere en annen gang.',
    calendar: 'Legg i kalenderen (.ics)',
    googleCalendar: 'Legg i Google Kalender',
    errorsHeading: 'Noe må rettes',
    errors: {
      response: 'Velg om dere kommer.',
      adults: 'Skriv hvor mange som kommer: minst én person, høyst 20 voksne og 20 barn.',
      children: 'Skriv et antall barn fra 0 til 20.',
      diet: 'Velg fra listen.',
      dietNote: 'Skriv høyst 300 tegn om maten.',
      comment: 'Kommentaren kan være høyst 1000 tegn.',
      no_room:
        'Det er ikke plass til flere. Dere kan komme med like mange som før, eller ta kontakt med oss.',
      deadline_passed: 'Svarfristen har gått ut.',
      closed: 'Kafeen har vært eller er avlyst.',
    },
    busyTitle: 'Vent litt',
    busy: 'Det kom mange forsøk på kort tid. Vent et minutt og prøv igjen. Svaret deres er ikke borte.',
    badLinkTitle: 'Lenken virker ikke',
    badLink:
      'Lenken kan være skrevet av feil, eller kafeen har allerede vært. Ta kontakt med fosterhjemstjenesten i kommunen deres, så hjelper vi dere.',
  },
  feedback: {
    name: 'Norsk bokmål',
    team: 'Fosterhjemstjenesten',
    languages: 'Språk',
    intro: 'Takk for at du kom! Fortell oss gjerne hvordan du hadde det – det tar et par minutter.',
    anonymous: 'Svaret er anonymt: vi lagrer ikke hvem du er. Svar på det du vil.',
    scale: ['1 – Dårlig', '2 – Ikke så bra', '3 – Greit', '4 – Bra', '5 – Veldig bra'],
    optional: 'Valgfritt',
    chooseMany: 'Du kan velge flere.',
    textHint: (max) => `Høyst ${max} tegn.`,
    send: 'Send svar',
    errorsHeading: 'Svaret ble ikke sendt',
    empty: 'Svar på minst ett spørsmål før du sender.',
    invalid: 'Noe i svaret kunne vi ikke lese. Prøv igjen.',
    thanksTitle: 'Tusen takk for svaret!',
    thanks: 'Det hjelper oss å gjøre neste kafé enda bedre. Vi håper å se deg igjen.',
    alreadyTitle: 'Takk, dere har alt svart',
    already: 'Vi har fått svaret fra denne mobilen, og tar bare imot ett svar per mobil.',
    closedTitle: 'Skjemaet er stengt',
    closed: 'Det er ikke lenger mulig å svare på dette skjemaet. Takk for at du ville!',
    badLinkTitle: 'Vi finner ikke skjemaet',
    badLink: 'Sjekk at lenken er skrevet riktig, eller skann QR-koden på nytt.',
    busyTitle: 'Vent litt',
    busy: 'Det har kommet mange forsøk fra denne adressen på kort tid. Vent et minutt og prøv igjen.',
    sheetLine: 'Skann koden med mobilen og fortell oss hvordan kvelden var. Helt anonymt.',
  },
  confidentiality: {
    title: 'Gruppe-taushetsplikt i ressursfamilie-nettverket',
    greeting: 'Hei {fornavn}!',
    agreement: [
      'Vi er med i et nettverk av fosterfamilier med en ressursfamilie. Vi blir kjent med hverandre og hverandres barn.',
      'Vi viser varsomhet med hva vi forteller om fosterbarna, både i nettverket og til andre. Det vi får vite om andre familier og barn i nettverket, holder vi for oss selv.',
      'Vi vet at ressursfamilien har meldeplikt til barneverntjenesten, og at spørsmål om barnets sak hører hjemme hos barneverntjenesten.',
      'Vi kan trekke oss fra nettverket når som helst ved å si fra til barneverntjenesten.',
    ],
    confirm: 'Jeg har lest teksten over og godtar gruppe-taushetsplikten',
    sign: 'Signer',
    signedTitle: 'Takk! Du har signert',
    signed: 'Signert {tidspunkt}.',
    mustConfirm: 'Kryss av for at du har lest og godtar teksten.',
    closedTitle: 'Lenken kan ikke brukes lenger',
    closed: 'Ta kontakt med barneverntjenesten hvis du vil signere.',
    emailSubject: 'Gruppe-taushetsplikt: signer før dere blir med i nettverket',
    emailGreeting: 'Hei {fornavn}!',
    emailBody:
      'Før familien deres blir med i nettverket «{nettverk}», ber vi deg lese og signere gruppe-taushetsplikten. Åpne lenken under (den er personlig, ikke del den):',
  },
  agreementSigning: {
    greeting: 'Hei {fornavn}!',
    intro:
      'Her er oppdragsavtalen mellom dere som ressursfamilie og barneverntjenesten. Les den, og signer hvis den stemmer med det dere har avtalt.',
    termsHeading: 'Avtalen',
    pdf: 'Åpne avtalen som PDF',
    confirm: 'Jeg har lest oppdragsavtalen og godtar den',
    sign: 'Signer avtalen',
    signedTitle: 'Takk! Du har signert oppdragsavtalen',
    signed: 'Signert {tidspunkt}.',
    mustConfirm: 'Kryss av for at du har lest og godtar avtalen.',
    emailSubject: 'Oppdragsavtale for ressursfamilie: les og signer',
    emailBody:
      'Her er oppdragsavtalen for ressursfamilie-nettverket «{nettverk}». Åpne lenken under for å lese og signere den (lenken er personlig, ikke del den):',
  },
  feedbackForm: {
    questions: {
      q1: 'Hvordan var kvelden for deg?',
      q2: 'Hva syntes du om temaet for kvelden?',
      q3: 'Vil du komme igjen?',
      q4: 'Hvilke tema vil du snakke om neste gang?',
      q5: 'Er det noe annet du vil si til oss?',
    },
    options: {
      q3: { o1: 'Ja', o2: 'Kanskje', o3: 'Nei' },
      q4: {
        o1: 'Tilknytning',
        o2: 'Tenåringer',
        o3: 'Samvær med foreldre',
        o4: 'Skole',
        o5: 'Sorg og tap',
        o6: 'Egen helse som fosterforelder',
      },
    },
  },
  notices: {
    coming: {
      subject: 'Velkommen til {tittel} {dato}',
      body: 'Hei {fornavn}!\n\nTakk for svaret. Vi har notert at dere kommer: {voksne} og {barn}. Vi ses {dato} {tid} på {sted}.\n\nEndre svaret her: {svarlenke}\n\nHilsen {vertskap}',
      sms: 'Takk, {fornavn}! Vi ses {dato} {tid}, {voksne} og {barn}. Endre: {svarlenke}',
    },
    waiting: {
      subject: 'Dere står på venteliste til {tittel}',
      body: 'Hei {fornavn}!\n\nTakk for svaret. {tittel} {dato} er dessverre full, så dere står på venteliste som nummer {plass}. Blir det plass, sier vi fra med en gang.\n\nSe svaret her: {svarlenke}\n\nHilsen {vertskap}',
      sms: 'Hei {fornavn}! {tittel} {dato} er full. Dere står som nr. {plass} på ventelisten, og vi sier fra hvis det blir plass.',
    },
    maybe: {
      subject: 'Takk for svaret – {tittel} {dato}',
      body: 'Hei {fornavn}!\n\nTakk! Vi har notert at dere kanskje kommer. Svar gjerne når dere vet: {svarlenke}\n\nHilsen {vertskap}',
      sms: 'Takk, {fornavn}! Vi har notert «kanskje» til {tittel} {dato}. Svar når dere vet: {svarlenke}',
    },
    not_coming: {
      subject: 'Takk for at dere sa fra',
      body: 'Hei {fornavn}!\n\nTakk for at dere sa fra. Vi håper å se dere en annen gang. Ombestemmer dere dere, kan dere svare her: {svarlenke}\n\nHilsen {vertskap}',
      sms: 'Takk for at dere sa fra, {fornavn}. Vi håper å se dere en annen gang!',
    },
    promotion: {
      subject: 'Det ble plass – velkommen til {tittel} {dato}',
      body: 'Hei {fornavn}!\n\nDet ble ledig plass, og dere er velkomne på {tittel} {dato} {tid} på {sted}. Kan dere likevel ikke, gi beskjed her: {svarlenke}\n\nHilsen {vertskap}',
      sms: 'Hei {fornavn}! Det ble plass til dere på {tittel} {dato} {tid}. Kan dere ikke likevel? Svar: {svarlenke}',
    },
    reminder: {
      subject: 'Påminnelse: {tittel} {dato}',
      body: 'Hei {fornavn}!\n\nEn liten påminnelse om {tittel} {dato} {tid} på {sted}. Vi gleder oss til å se dere.\n\nSvar eller endre svaret her: {svarlenke}\n\nHilsen {vertskap}',
      sms: 'Hei {fornavn}! Påminnelse: {tittel} {dato} {tid}. Svar: {svarlenke} Hilsen {vertskap}',
    },
    reminder_first_time: {
      subject: 'Velkommen – også første gang: {tittel} {dato}',
      body: 'Hei {fornavn}!\n\nVi vil gjerne se dere på {tittel} {dato} {tid} på {sted}. Mange kommer for første gang, og det er helt uformelt: litt mat, en prat og andre som kjenner hverdagen deres. Vi tar imot dere i døra.\n\nSvar her: {svarlenke}\n\nHilsen {vertskap}',
      sms: 'Hei {fornavn}! Vi vil gjerne se dere på {tittel} {dato} {tid} – også første gang. Vi tar imot dere i døra. Svar: {svarlenke}',
    },
    cancelled: {
      subject: 'Avlyst: {tittel} {dato}',
      body: 'Hei {fornavn}!\n\nVi må dessverre avlyse {tittel} {dato} {tid}. Vi beklager, og håper å se dere en annen gang.\n\nHilsen {vertskap}',
      sms: 'Hei {fornavn}! {tittel} {dato} er dessverre avlyst. Vi håper å se dere en annen gang. Hilsen {vertskap}',
    },
    thanks: {
      subject: 'Takk for at dere kom på {tittel}',
      body: 'Hei {fornavn}!\n\nTakk for at dere kom på {tittel} {dato}. Det var hyggelig å se dere.\n\nSi gjerne hva dere syntes, det tar et par minutter: {tilbakemeldingslenke}\n\nHilsen {vertskap}',
      sms: 'Takk for at dere kom, {fornavn}! Si gjerne hva dere syntes: {tilbakemeldingslenke} Hilsen {vertskap}',
    },
    missed: {
      subject: 'Vi savnet dere på {tittel}',
      body: 'Hei {fornavn}!\n\nVi savnet dere på {tittel} {dato}. Vi håper alt er bra, og at vi ser dere neste gang.\n\nHilsen {vertskap}',
      sms: 'Hei {fornavn}! Vi savnet dere på {tittel} {dato}. Vi håper vi ses neste gang! Hilsen {vertskap}',
    },
    questionnaire_before: {
      subject: 'Spørsmål før En god start',
      body: 'Hei {fornavn}!\n\nFør den første samlingen i En god start vil vi gjerne høre hvordan dere har det som fosterfamilie. Det tar noen minutter, og svarene brukes bare samlet, til å gjøre kurset bedre:\n\n{svarlenke}\n\nHilsen {vertskap}',
      sms: 'Hei {fornavn}! Før En god start vil vi gjerne høre hvordan dere har det. Svar her (noen minutter): {svarlenke} Hilsen {vertskap}',
    },
    questionnaire_after: {
      subject: 'Spørsmål etter En god start',
      body: 'Hei {fornavn}!\n\nTakk for at dere var med på En god start. Nå vil vi gjerne høre hvordan dere har det etter samlingene, med de samme spørsmålene som før. Det tar noen minutter, og svarene brukes bare samlet:\n\n{svarlenke}\n\nHilsen {vertskap}',
      sms: 'Hei {fornavn}! Takk for En god start. Hvordan har dere det nå? Svar her (noen minutter): {svarlenke} Hilsen {vertskap}',
    },
    questionnaire_reminder: {
      subject: 'Påminnelse: spørsmål om En god start',
      body: 'Hei {fornavn}!\n\nVi har ikke fått svaret deres på spørsmålene om En god start ennå. Det tar noen minutter, og hvert svar hjelper oss å gjøre kurset bedre:\n\n{svarlenke}\n\nHar dere svart nylig, kan dere se bort fra denne meldingen.\n\nHilsen {vertskap}',
      sms: 'Hei {fornavn}! En liten påminnelse om spørsmålene om En god start (noen minutter): {svarlenke} Hilsen {vertskap}',
    },
  },
  letter: {
    answerHeading: 'Svar på invitasjonen',
    answerHint: 'Skann koden med mobilkameraet, eller gå til:',
    page: 'Side {page} av {pages}',
  },
  invitation: {
    and: 'og',
    locale: 'nb',
    at: (s, e) => `kl. ${dotted(s)}–${dotted(e)}`,
    food: 'Vi byr på enkel mat og noe å drikke.',
    programme: 'På programmet:',
    minutes: (n) => `${n} min`,
    by: (name) => `ved ${name}`,
    leader: 'presenterer seg',
    optional: (food) =>
      food
        ? 'Si gjerne fra om dere kommer, så vi vet hvor mye mat vi skal lage.'
        : 'Si gjerne fra om dere kommer.',
    required: (d, food) =>
      food ? `Meld dere på innen ${d}, så vi vet hvor mye mat vi skal lage.` : `Meld dere på innen ${d}.`,
    closing: 'Hilsen',
    facts: { when: 'Når', where: 'Hvor' },
  },
  defaultTemplate: {
    subject: 'Velkommen til {tittel} {dato}',
    body: [
      'Hei {fornavn}!',
      '{personlig_hilsen}',
      'Vi inviterer til {tittel} {dato} {tid} på {sted}. Her kan dere treffe andre fosterforeldre, slå av en prat og bli litt bedre kjent med oss i teamet – helt uformelt.',
      '{program}',
      '{påmelding} Alle er hjertelig velkomne, også dere som kommer for første gang.',
      'Svar her: {svarlenke}',
      'Hilsen {vertskap}',
    ].join('\n\n'),
    sms: 'Hei {fornavn}! Bli med på {tittel} {dato} {tid}. Svar: {svarlenke} Hilsen {vertskap}',
  },
};
