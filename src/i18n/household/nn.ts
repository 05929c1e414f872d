import { nb } from './nb.js';
import type { HouseholdWords } from './types.js';

const dotted = (time: string) => time.replace(':', '.');

const persons: HouseholdWords['persons'] = (adults, children) => ({
  adults: `${adults} ${adults === 1 ? 'vaksen' : 'vaksne'}`,
  children: `${children} born`,
});

/** Nynorsk. */
export const nn: HouseholdWords = {
  language: 'nn',
  persons,
  help: 'Spørsmål? Ta kontakt med fosterheimstenesta i kommunen dykkar, så hjelper vi dykk.',
  answer: {
    ...nb.answer,
    team: 'Fosterheimstenesta',
    question: 'Kjem de?',
    coming: 'Ja, vi kjem',
    notComing: 'Nei, vi kjem ikkje',
    adults: 'Talet på vaksne',
    children: 'Talet på born',
    diet: 'Omsyn i maten',
    diets: { ...nb.answer.diets, no_pork: 'Ikkje svinekjøt' },
    dietNote: 'Anna om maten (valfritt)',
    comment: 'Kommentar til oss (valfritt)',
    commentHint: (max) => `Høgst ${max} teikn.`,
    saved: 'Takk! Svaret er lagra.',
    yourAnswer: 'Svaret dykkar',
    answerComing: (a, c) => {
      const p = persons(a, c);
      return `De kjem: ${p.adults} og ${p.children}.`;
    },
    answerWaiting: (p) =>
      `Kafeen er full. De står på venteliste som nummer ${p}, og vi seier frå om det blir plass.`,
    answerMaybe: 'De kjem kanskje.',
    answerNotComing: 'De kjem ikkje denne gongen.',
    deadline: (d) => `Svar innan ${d}. De kan endre svaret fram til då.`,
    deadlinePassed: (d, h) =>
      `Svarfristen var ${d}. Vil de endre svaret, ta kontakt med ${h} i fosterheimstenesta.`,
    closed: 'Denne kafeen har vore eller er avlyst. Takk for at de følgde med!',
    cancelled: 'Kafeen er dessverre avlyst. Vi håpar å sjå dykk ein annan gong.',
    errorsHeading: 'Noko må rettast',
    errors: {
      ...nb.answer.errors,
      response: 'Vel om de kjem.',
      adults: 'Skriv kor mange som kjem: minst éin person, høgst 20 vaksne og 20 born.',
      children: 'Skriv eit tal på born frå 0 til 20.',
      diet: 'Vel frå lista.',
      dietNote: 'Skriv høgst 300 teikn om maten.',
      comment: 'Kommentaren kan vere høgst 1000 teikn.',
      no_room: 'Det er ikkje plass til fleire. De kan kome med like mange som før, eller ta kontakt med oss.',
      closed: 'Kafeen har vore eller er avlyst.',
    },
    busyTitle: 'Vent litt',
    busy: 'Det kom mange forsøk på kort tid. Vent eit minutt og prøv igjen. Svaret dykkar er ikkje borte.',
    badLinkTitle: 'Lenka verkar ikkje',
    badLink:
      'Lenka kan vere skriven av feil, eller kafeen har alt vore. Ta kontakt med fosterheimstenesta i kommunen dykkar, så hjelper vi dykk.',
  },
  feedback: {
    name: 'Norsk nynorsk',
    team: 'Fosterheimstenesta',
    languages: 'Språk',
    intro: 'Takk for at du kom! Fortel oss gjerne korleis du hadde det – det tek eit par minutt.',
    anonymous: 'Svaret er anonymt: vi lagrar ikkje kven du er. Svar på det du vil.',
    scale: ['1 – Dårleg', '2 – Ikkje så bra', '3 – Greitt', '4 – Bra', '5 – Veldig bra'],
    optional: 'Valfritt',
    chooseMany: 'Du kan velje fleire.',
    textHint: (max) => `Høgst ${max} teikn.`,
    send: 'Send svar',
    errorsHeading: 'Svaret vart ikkje sendt',
    empty: 'Svar på minst eitt spørsmål før du sender.',
    invalid: 'Noko i svaret kunne vi ikkje lese. Prøv igjen.',
    thanksTitle: 'Tusen takk for svaret!',
    thanks: 'Det hjelper oss å gjere neste kafé endå betre. Vi håper å sjå deg att.',
    alreadyTitle: 'Takk, de har alt svara',
    already: 'Vi har fått svaret frå denne mobilen, og tek berre imot eitt svar per mobil.',
    closedTitle: 'Skjemaet er stengt',
    closed: 'Det er ikkje lenger mogleg å svare på dette skjemaet. Takk for at du ville!',
    badLinkTitle: 'Vi finn ikkje skjemaet',
    badLink: 'Sjekk at lenka er skriven rett, eller skann QR-koden på nytt.',
    busyTitle: 'Vent litt',
    busy: 'Det har kome mange forsøk frå denne adressa på kort tid. Vent eit minutt og prøv igjen.',
    sheetLine: 'Skann koden med mobilen og fortel oss korleis kvelden var. Heilt anonymt.',
  },
  confidentiality: {
    title: 'Gruppe-teieplikt i ressursfamilie-nettverket',
    greeting: 'Hei {fornavn}!',
    agreement: [
      'Vi er med i eit nettverk av fosterfamiliar med ein ressursfamilie. Vi blir kjende med kvarandre og barna til kvarandre.',
      'Vi viser varsemd med kva vi fortel om fosterbarna, både i nettverket og til andre. Det vi får vite om andre familiar og barn i nettverket, held vi for oss sjølve.',
      'Vi veit at ressursfamilien har meldeplikt til barnevernstenesta, og at spørsmål om saka til barnet høyrer heime hos barnevernstenesta.',
      'Vi kan trekkje oss frå nettverket når som helst ved å seie frå til barnevernstenesta.',
    ],
    confirm: 'Eg har lese teksten over og godtek gruppe-teieplikta',
    sign: 'Signer',
    signedTitle: 'Takk! Du har signert',
    signed: 'Signert {tidspunkt}.',
    mustConfirm: 'Kryss av for at du har lese og godtek teksten.',
    closedTitle: 'Lenkja kan ikkje brukast lenger',
    closed: 'Ta kontakt med barnevernstenesta om du vil signere.',
    emailSubject: 'Gruppe-teieplikt: signer før de blir med i nettverket',
    emailGreeting: 'Hei {fornavn}!',
    emailBody:
      'Før familien dykkar blir med i nettverket «{nettverk}», ber vi deg lese og signere gruppe-teieplikta. Opne lenkja under (ho er personleg, ikkje del henne):',
  },
  agreementSigning: {
    greeting: 'Hei {fornavn}!',
    intro:
      'Her er oppdragsavtalen mellom dykk som ressursfamilie og barnevernstenesta. Les han, og signer om han stemmer med det de har avtalt.',
    termsHeading: 'Avtalen',
    pdf: 'Opne avtalen som PDF',
    confirm: 'Eg har lese oppdragsavtalen og godtek han',
    sign: 'Signer avtalen',
    signedTitle: 'Takk! Du har signert oppdragsavtalen',
    signed: 'Signert {tidspunkt}.',
    mustConfirm: 'Kryss av for at du har lese og godtek avtalen.',
    emailSubject: 'Oppdragsavtale for ressursfamilie: les og signer',
    emailBody:
      'Her er oppdragsavtalen for ressursfamilie-nettverket «{nettverk}». Opne lenkja under for å lese og signere han (lenkja er personleg, ikkje del henne):',
  },
  feedbackForm: {
    questions: {
      q1: 'Korleis var kvelden for deg?',
      q2: 'Kva syntest du om temaet for kvelden?',
      q3: 'Vil du kome att?',
      q4: 'Kva tema vil du snakke om neste gong?',
      q5: 'Er det noko anna du vil seie til oss?',
    },
    options: {
      q3: { o1: 'Ja', o2: 'Kanskje', o3: 'Nei' },
      q4: {
        o1: 'Tilknyting',
        o2: 'Tenåringar',
        o3: 'Samvær med foreldre',
        o4: 'Skule',
        o5: 'Sorg og tap',
        o6: 'Eiga helse som fosterforelder',
      },
    },
  },
  notices: {
    coming: {
      subject: 'Velkomen til {tittel} {dato}',
      body: 'Hei {fornavn}!\n\nTakk for svaret. Vi har notert at de kjem: {voksne} og {barn}. Vi sest {dato} {tid} på {sted}.\n\nEndre svaret her: {svarlenke}\n\nHelsing {vertskap}',
      sms: 'Takk, {fornavn}! Vi sest {dato} {tid}, {voksne} og {barn}. Endre: {svarlenke}',
    },
    waiting: {
      subject: 'De står på venteliste til {tittel}',
      body: 'Hei {fornavn}!\n\nTakk for svaret. {tittel} {dato} er dessverre full, så de står på venteliste som nummer {plass}. Blir det plass, seier vi frå med ein gong.\n\nSjå svaret her: {svarlenke}\n\nHelsing {vertskap}',
      sms: 'Hei {fornavn}! {tittel} {dato} er full. De står som nr. {plass} på ventelista, og vi seier frå om det blir plass.',
    },
    maybe: {
      subject: 'Takk for svaret – {tittel} {dato}',
      body: 'Hei {fornavn}!\n\nTakk! Vi har notert at de kanskje kjem. Svar gjerne når de veit: {svarlenke}\n\nHelsing {vertskap}',
      sms: 'Takk, {fornavn}! Vi har notert «kanskje» til {tittel} {dato}. Svar når de veit: {svarlenke}',
    },
    not_coming: {
      subject: 'Takk for at de sa frå',
      body: 'Hei {fornavn}!\n\nTakk for at de sa frå. Vi håper å sjå dykk ein annan gong. Ombestemmer de dykk, kan de svare her: {svarlenke}\n\nHelsing {vertskap}',
      sms: 'Takk for at de sa frå, {fornavn}. Vi håper å sjå dykk ein annan gong!',
    },
    promotion: {
      subject: 'Det vart plass – velkomen til {tittel} {dato}',
      body: 'Hei {fornavn}!\n\nDet vart ledig plass, og de er velkomne på {tittel} {dato} {tid} på {sted}. Kan de likevel ikkje, gi beskjed her: {svarlenke}\n\nHelsing {vertskap}',
      sms: 'Hei {fornavn}! Det vart plass til dykk på {tittel} {dato} {tid}. Kan de ikkje likevel? Svar: {svarlenke}',
    },
    reminder: {
      subject: 'Påminning: {tittel} {dato}',
      body: 'Hei {fornavn}!\n\nEi lita påminning om {tittel} {dato} {tid} på {sted}. Vi gler oss til å sjå dykk.\n\nSvar eller endre svaret her: {svarlenke}\n\nHelsing {vertskap}',
      sms: 'Hei {fornavn}! Påminning: {tittel} {dato} {tid}. Svar: {svarlenke} Helsing {vertskap}',
    },
    reminder_first_time: {
      subject: 'Velkomen – også første gong: {tittel} {dato}',
      body: 'Hei {fornavn}!\n\nVi vil gjerne sjå dykk på {tittel} {dato} {tid} på {sted}. Mange kjem for første gong, og det er heilt uformelt: litt mat, ein prat og andre som kjenner kvardagen dykkar. Vi tek imot dykk i døra.\n\nSvar her: {svarlenke}\n\nHelsing {vertskap}',
      sms: 'Hei {fornavn}! Vi vil gjerne sjå dykk på {tittel} {dato} {tid} – også første gong. Vi tek imot dykk i døra. Svar: {svarlenke}',
    },
    cancelled: {
      subject: 'Avlyst: {tittel} {dato}',
      body: 'Hei {fornavn}!\n\nVi må dessverre avlyse {tittel} {dato} {tid}. Vi beklagar, og håpar å sjå dykk ein annan gong.\n\nHelsing {vertskap}',
      sms: 'Hei {fornavn}! {tittel} {dato} er dessverre avlyst. Vi håpar å sjå dykk ein annan gong. Helsing {vertskap}',
    },
    thanks: {
      subject: 'Takk for at de kom på {tittel}',
      body: 'Hei {fornavn}!\n\nTakk for at de kom på {tittel} {dato}. Det var kjekt å sjå dykk.\n\nSei gjerne kva de synest, det tek eit par minutt: {tilbakemeldingslenke}\n\nHelsing {vertskap}',
      sms: 'Takk for at de kom, {fornavn}! Sei gjerne kva de synest: {tilbakemeldingslenke} Helsing {vertskap}',
    },
    missed: {
      subject: 'Vi sakna dykk på {tittel}',
      body: 'Hei {fornavn}!\n\nVi sakna dykk på {tittel} {dato}. Vi håpar alt er bra, og at vi ser dykk neste gong.\n\nHelsing {vertskap}',
      sms: 'Hei {fornavn}! Vi sakna dykk på {tittel} {dato}. Vi håpar vi ser dykk neste gong! Helsing {vertskap}',
    },
    questionnaire_before: {
      subject: 'Spørsmål før En god start',
      body: 'Hei {fornavn}!\n\nFør den første samlinga i En god start vil vi gjerne høyre korleis de har det som fosterfamilie. Det tek nokre minutt, og svara blir berre brukte samla, til å gjere kurset betre:\n\n{svarlenke}\n\nHelsing {vertskap}',
      sms: 'Hei {fornavn}! Før En god start vil vi gjerne høyre korleis de har det. Svar her (nokre minutt): {svarlenke} Helsing {vertskap}',
    },
    questionnaire_after: {
      subject: 'Spørsmål etter En god start',
      body: 'Hei {fornavn}!\n\nTakk for at de var med på En god start. No vil vi gjerne høyre korleis de har det etter samlingane, med dei same spørsmåla som før. Det tek nokre minutt, og svara blir berre brukte samla:\n\n{svarlenke}\n\nHelsing {vertskap}',
      sms: 'Hei {fornavn}! Takk for En god start. Korleis har de det no? Svar her (nokre minutt): {svarlenke} Helsing {vertskap}',
    },
    questionnaire_reminder: {
      subject: 'Påminning: spørsmål om En god start',
      body: 'Hei {fornavn}!\n\nVi har ikkje fått svaret dykkar på spørsmåla om En god start enno. Det tek nokre minutt, og kvart svar hjelper oss å gjere kurset betre:\n\n{svarlenke}\n\nHar de svart nyleg, kan de sjå bort frå denne meldinga.\n\nHelsing {vertskap}',
      sms: 'Hei {fornavn}! Ei lita påminning om spørsmåla om En god start (nokre minutt): {svarlenke} Helsing {vertskap}',
    },
  },
  letter: {
    answerHeading: 'Svar på invitasjonen',
    answerHint: 'Skann koden med mobilkameraet, eller gå til:',
    page: 'Side {page} av {pages}',
  },
  invitation: {
    and: 'og',
    locale: 'nn',
    at: (s, e) => `kl. ${dotted(s)}–${dotted(e)}`,
    food: 'Vi byr på enkel mat og noko å drikke.',
    programme: 'På programmet:',
    minutes: (n) => `${n} min`,
    by: (name) => `ved ${name}`,
    leader: 'presenterer seg',
    optional: (food) =>
      food
        ? 'Sei gjerne frå om de kjem, så veit vi kor mykje mat vi skal lage.'
        : 'Sei gjerne frå om de kjem.',
    required: (d, food) =>
      food ? `Meld dykk på innan ${d}, så veit vi kor mykje mat vi skal lage.` : `Meld dykk på innan ${d}.`,
    closing: 'Helsing',
    facts: { when: 'Når', where: 'Kvar' },
  },
  defaultTemplate: {
    subject: 'Velkomen til {tittel} {dato}',
    body: [
      'Hei {fornavn}!',
      '{personlig_hilsen}',
      'Vi inviterer til {tittel} {dato} {tid} på {sted}. Her kan de treffe andre fosterforeldre, ta ein prat og bli litt betre kjende med oss i teamet – heilt uformelt.',
      '{program}',
      '{påmelding} Alle er hjarteleg velkomne, også de som kjem for første gong.',
      'Svar her: {svarlenke}',
      'Helsing {vertskap}',
    ].join('\n\n'),
    sms: 'Hei {fornavn}! Bli med på {tittel} {dato} {tid}. Svar: {svarlenke} Helsing {vertskap}',
  },
};
