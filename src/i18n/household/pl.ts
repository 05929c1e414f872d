import type { HouseholdWords } from './types.js';

/** Polish plurals: 1 osoba, 2–4 osoby (but 12–14 osób), 5 and more osób. */
function plural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const tens = n % 100;
  const units = n % 10;
  return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? few : many;
}

const persons: HouseholdWords['persons'] = (adults, children) => ({
  adults: `${adults} ${plural(adults, 'osoba dorosła', 'osoby dorosłe', 'osób dorosłych')}`,
  children: `${children} ${plural(children, 'dziecko', 'dzieci', 'dzieci')}`,
});

/** Polish. */
export const pl: HouseholdWords = {
  language: 'pl',
  review: 'machine',
  persons,
  help: 'Masz pytania? Skontaktuj się z zespołem ds. rodzin zastępczych w swojej gminie, a pomożemy.',
  answer: {
    team: 'Zespół ds. rodzin zastępczych',
    hello: (names) => `Dzień dobry, ${names}!`,
    when: 'Kiedy',
    where: 'Gdzie',
    map: 'Pokaż na mapie',
    programme: 'Program',
    hosts: 'Gospodarze',
    question: 'Czy przyjdziecie?',
    coming: 'Tak, przyjdziemy',
    notComing: 'Nie, nie przyjdziemy',
    maybe: 'Może',
    adults: 'Liczba dorosłych',
    children: 'Liczba dzieci',
    diet: 'Wymagania dotyczące jedzenia',
    diets: {
      vegetarian: 'Wegetariańskie',
      vegan: 'Wegańskie',
      halal: 'Halal',
      no_pork: 'Bez wieprzowiny',
      gluten_free: 'Bezglutenowe',
      lactose_free: 'Bez laktozy',
      nut_allergy: 'Alergia na orzechy',
      fish_allergy: 'Alergia na ryby',
      egg_allergy: 'Alergia na jajka',
    },
    dietNote: 'Coś jeszcze o jedzeniu (opcjonalnie)',
    comment: 'Komentarz dla nas (opcjonalnie)',
    commentHint: (max) => `Najwyżej ${max} znaków.`,
    send: 'Wyślij odpowiedź',
    change: 'Zmień odpowiedź',
    saved: 'Dziękujemy! Twoja odpowiedź została zapisana.',
    yourAnswer: 'Twoja odpowiedź',
    answerComing: (a, c) => {
      const p = persons(a, c);
      return `Przyjdziecie: ${p.adults}, ${p.children}.`;
    },
    answerWaiting: (p) =>
      `Kawiarnia jest pełna. Jesteście na ${p}. miejscu na liście oczekujących i damy znać, gdy zwolni się miejsce.`,
    answerMaybe: 'Może przyjdziecie.',
    answerNotComing: 'Tym razem nie przyjdziecie.',
    deadline: (d) => `Prosimy o odpowiedź do ${d}. Do tego czasu możecie ją zmienić.`,
    deadlinePassed: (d, h) =>
      `Termin odpowiedzi minął ${d}. Aby zmienić odpowiedź, skontaktujcie się z: ${h} z zespołu ds. rodzin zastępczych.`,
    closed: 'Ta kawiarnia już się odbyła lub została odwołana. Dziękujemy za zainteresowanie!',
    cancelled: 'Niestety ta kawiarnia została odwołana. Mamy nadzieję zobaczyć Was innym razem.',
    calendar: 'Dodaj do kalendarza (.ics)',
    googleCalendar: 'Dodaj do Kalendarza Google',
    errorsHeading: 'Coś trzeba poprawić',
    errors: {
      response: 'Wybierzcie, czy przyjdziecie.',
      adults: 'Podajcie, ile osób przyjdzie: co najmniej 1, najwyżej 20 dorosłych i 20 dzieci.',
      children: 'Podajcie liczbę dzieci od 0 do 20.',
      diet: 'Wybierzcie z listy.',
      dietNote: 'Napiszcie o jedzeniu najwyżej 300 znaków.',
      comment: 'Komentarz może mieć najwyżej 1000 znaków.',
      no_room:
        'Nie ma miejsca dla większej liczby osób. Możecie przyjść w tym samym składzie co wcześniej albo się z nami skontaktować.',
      deadline_passed: 'Termin odpowiedzi minął.',
      closed: 'Kawiarnia już się odbyła lub została odwołana.',
    },
    busyTitle: 'Chwileczkę',
    busy: 'Było wiele prób w krótkim czasie. Poczekajcie minutę i spróbujcie ponownie. Wasza odpowiedź nie zginęła.',
    badLinkTitle: 'Link nie działa',
    badLink:
      'Link mógł zostać źle skopiowany albo kawiarnia już się odbyła. Skontaktujcie się z zespołem ds. rodzin zastępczych w swojej gminie, a pomożemy.',
  },
  feedback: {
    name: 'Polski',
    team: 'Zespół ds. rodzin zastępczych',
    languages: 'Język',
    intro: 'Dziękujemy, że przyszliście! Powiedzcie nam, jak minął wieczór – to zajmie tylko dwie minuty.',
    anonymous: 'Odpowiedź jest anonimowa: nie zapisujemy, kim jesteś. Odpowiedz na to, na co chcesz.',
    scale: ['1 – Źle', '2 – Niezbyt dobrze', '3 – W porządku', '4 – Dobrze', '5 – Bardzo dobrze'],
    optional: 'opcjonalnie',
    chooseMany: 'Możesz wybrać kilka odpowiedzi.',
    textHint: (max) => `Najwyżej ${max} znaków.`,
    send: 'Wyślij odpowiedź',
    errorsHeading: 'Odpowiedź nie została wysłana',
    empty: 'Odpowiedz na co najmniej jedno pytanie przed wysłaniem.',
    invalid: 'Nie udało się odczytać części odpowiedzi. Spróbuj ponownie.',
    thanksTitle: 'Bardzo dziękujemy za odpowiedź!',
    thanks:
      'Twoja odpowiedź pomoże nam przygotować następne spotkanie jeszcze lepiej. Mamy nadzieję, że znów się zobaczymy.',
    alreadyTitle: 'Dziękujemy, już odpowiedzieliście',
    already: 'Mamy już odpowiedź z tego telefonu; przyjmujemy jedną odpowiedź z każdego telefonu.',
    closedTitle: 'Ankieta jest zamknięta',
    closed: 'Na tę ankietę nie można już odpowiadać. Dziękujemy, że chcieliście!',
    badLinkTitle: 'Nie znaleźliśmy ankiety',
    badLink: 'Sprawdź, czy link jest poprawny, albo zeskanuj kod QR jeszcze raz.',
    busyTitle: 'Chwileczkę',
    busy: 'Z tego adresu przyszło wiele prób w krótkim czasie. Poczekaj minutę i spróbuj ponownie.',
    sheetLine: 'Zeskanuj kod telefonem i powiedz nam, jak minął wieczór. Anonimowo.',
  },
  notices: {
    coming: {
      subject: 'Witamy na {tittel} {dato}',
      body: 'Dzień dobry, {fornavn}!\n\nDziękujemy za odpowiedź. Zapisaliśmy, że przyjdziecie: {voksne}, {barn}. Do zobaczenia {dato} {tid} w {sted}.\n\nAby zmienić odpowiedź: {svarlenke}\n\nPozdrawiamy, {vertskap}',
      sms: 'Dziękujemy, {fornavn}! Zapisaliśmy {voksne}, {barn} na {tittel} {dato} {tid}. Zmiana: {svarlenke}',
    },
    waiting: {
      subject: 'Jesteście na liście oczekujących na {tittel}',
      body: 'Dzień dobry, {fornavn}!\n\nDziękujemy za odpowiedź. Niestety {tittel} {dato} jest pełna, a Wy jesteście na {plass}. miejscu na liście oczekujących. Gdy zwolni się miejsce, od razu damy znać.\n\nWasza odpowiedź: {svarlenke}\n\nPozdrawiamy, {vertskap}',
      sms: 'Dzień dobry, {fornavn}! {tittel} {dato} jest pełna. Jesteście {plass}. na liście oczekujących; damy znać, gdy zwolni się miejsce.',
    },
    maybe: {
      subject: 'Dziękujemy za odpowiedź – {tittel} {dato}',
      body: 'Dzień dobry, {fornavn}!\n\nDziękujemy! Zapisaliśmy, że może przyjdziecie. Odpowiedzcie, gdy będziecie wiedzieć: {svarlenke}\n\nPozdrawiamy, {vertskap}',
      sms: 'Dziękujemy, {fornavn}! Zapisaliśmy „może” na {tittel} {dato}. Odpowiedzcie, gdy będziecie wiedzieć: {svarlenke}',
    },
    not_coming: {
      subject: 'Dziękujemy za informację',
      body: 'Dzień dobry, {fornavn}!\n\nDziękujemy za informację. Mamy nadzieję, że zobaczymy się innym razem. Jeśli zmienicie zdanie, możecie odpowiedzieć tutaj: {svarlenke}\n\nPozdrawiamy, {vertskap}',
      sms: 'Dziękujemy za informację, {fornavn}. Mamy nadzieję, że zobaczymy się innym razem!',
    },
    promotion: {
      subject: 'Zwolniło się miejsce – witamy na {tittel} {dato}',
      body: 'Dzień dobry, {fornavn}!\n\nZwolniło się miejsce i serdecznie zapraszamy na {tittel} {dato} {tid} w {sted}. Jeśli nie możecie przyjść, dajcie znać tutaj: {svarlenke}\n\nPozdrawiamy, {vertskap}',
      sms: 'Dzień dobry, {fornavn}! Jest dla Was miejsce na {tittel} {dato} {tid}. Nie możecie przyjść? Odpowiedzcie: {svarlenke}',
    },
    reminder: {
      subject: 'Przypomnienie: {tittel} {dato}',
      body: 'Dzień dobry, {fornavn}!\n\nKrótkie przypomnienie o {tittel} {dato} {tid} w {sted}. Cieszymy się na spotkanie.\n\nOdpowiedź lub zmiana: {svarlenke}\n\nPozdrawiamy, {vertskap}',
      sms: 'Dzień dobry, {fornavn}! Przypomnienie: {tittel} {dato} {tid}. Odpowiedź: {svarlenke} {vertskap}',
    },
    reminder_first_time: {
      subject: 'Zapraszamy – także za pierwszym razem: {tittel} {dato}',
      body: 'Dzień dobry, {fornavn}!\n\nBardzo się cieszymy, że zobaczymy Was na {tittel} {dato} {tid} w {sted}. Wiele osób przychodzi po raz pierwszy, a spotkanie jest całkiem nieformalne: trochę jedzenia, rozmowa i inne rodziny, które znają Waszą codzienność. Przywitamy Was przy drzwiach.\n\nOdpowiedź: {svarlenke}\n\nPozdrawiamy, {vertskap}',
      sms: 'Dzień dobry, {fornavn}! Cieszymy się na spotkanie na {tittel} {dato} {tid} – także za pierwszym razem. Przywitamy Was przy drzwiach. Odpowiedź: {svarlenke}',
    },
    cancelled: {
      subject: 'Odwołane: {tittel} {dato}',
      body: 'Dzień dobry, {fornavn}!\n\nNiestety musimy odwołać {tittel} {dato} {tid}. Przepraszamy i mamy nadzieję zobaczyć Was innym razem.\n\nPozdrawiamy, {vertskap}',
      sms: 'Dzień dobry, {fornavn}! {tittel} {dato} niestety odwołane. Mamy nadzieję zobaczyć Was innym razem. {vertskap}',
    },
    thanks: {
      subject: 'Dziękujemy za udział w {tittel}',
      body: 'Dzień dobry, {fornavn}!\n\nDziękujemy, że byliście na {tittel} {dato}. Miło było Was zobaczyć.\n\nNapiszcie, co myślicie, to zajmie kilka minut: {tilbakemeldingslenke}\n\nPozdrawiamy, {vertskap}',
      sms: 'Dziękujemy za udział, {fornavn}! Napiszcie, co myślicie: {tilbakemeldingslenke} {vertskap}',
    },
    missed: {
      subject: 'Brakowało nam Was na {tittel}',
      body: 'Dzień dobry, {fornavn}!\n\nBrakowało nam Was na {tittel} {dato}. Mamy nadzieję, że wszystko w porządku i zobaczymy się następnym razem.\n\nPozdrawiamy, {vertskap}',
      sms: 'Dzień dobry, {fornavn}! Brakowało nam Was na {tittel} {dato}. Do zobaczenia następnym razem! {vertskap}',
    },
    questionnaire_before: {
      subject: 'Pytania przed En god start',
      body: 'Cześć {fornavn}!\n\nPrzed pierwszym spotkaniem En god start chcielibyśmy usłyszeć, jak się macie jako rodzina zastępcza. To zajmie kilka minut, a odpowiedzi są używane tylko łącznie, aby ulepszyć kurs:\n\n{svarlenke}\n\nPozdrawiamy, {vertskap}',
      sms: 'Cześć {fornavn}! Przed En god start chcemy usłyszeć, jak się macie. Odpowiedz tutaj (kilka minut): {svarlenke} {vertskap}',
    },
    questionnaire_after: {
      subject: 'Pytania po En god start',
      body: 'Cześć {fornavn}!\n\nDziękujemy za udział w En god start. Chcielibyśmy usłyszeć, jak się macie po spotkaniach – te same pytania co wcześniej. To zajmie kilka minut, a odpowiedzi są używane tylko łącznie:\n\n{svarlenke}\n\nPozdrawiamy, {vertskap}',
      sms: 'Cześć {fornavn}! Dziękujemy za En god start. Jak się teraz macie? Odpowiedz tutaj (kilka minut): {svarlenke} {vertskap}',
    },
    questionnaire_reminder: {
      subject: 'Przypomnienie: pytania o En god start',
      body: 'Cześć {fornavn}!\n\nNie otrzymaliśmy jeszcze Waszych odpowiedzi na pytania o En god start. To zajmie kilka minut, a każda odpowiedź pomaga nam ulepszyć kurs:\n\n{svarlenke}\n\nJeśli niedawno odpowiedzieliście, prosimy zignorować tę wiadomość.\n\nPozdrawiamy, {vertskap}',
      sms: 'Cześć {fornavn}! Małe przypomnienie o pytaniach o En god start (kilka minut): {svarlenke} {vertskap}',
    },
  },
  letter: {
    answerHeading: 'Odpowiedz na zaproszenie',
    answerHint: 'Zeskanuj kod aparatem telefonu albo otwórz link:',
    page: 'Strona {page} z {pages}',
  },
  invitation: {
    and: 'i',
    locale: 'pl',
    at: (s, e) => `godz. ${s}–${e}`,
    food: 'Podamy coś prostego do jedzenia i picia.',
    programme: 'W programie:',
    minutes: (n) => `${n} min`,
    by: (name) => `prowadzi ${name}`,
    leader: 'przedstawia się',
    optional: (food) =>
      food
        ? 'Dajcie nam znać, czy przyjdziecie, abyśmy wiedzieli, ile jedzenia przygotować.'
        : 'Dajcie nam znać, czy przyjdziecie.',
    required: (d, food) =>
      food
        ? `Prosimy o zgłoszenie do ${d}, abyśmy wiedzieli, ile jedzenia przygotować.`
        : `Prosimy o zgłoszenie do ${d}.`,
    closing: 'Serdecznie pozdrawiamy,',
    facts: { when: 'Kiedy', where: 'Gdzie' },
  },
  defaultTemplate: {
    subject: 'Zaproszenie na {tittel} {dato}',
    body: [
      'Dzień dobry, {fornavn}!',
      '{personlig_hilsen}',
      'Serdecznie zapraszamy na {tittel} {dato}, {tid}, w {sted}. To okazja, by poznać inne rodziny zastępcze, porozmawiać i poznać nas z zespołu – bez formalności.',
      '{program}',
      '{påmelding} Wszyscy są mile widziani, zwłaszcza ci, którzy przychodzą po raz pierwszy.',
      'Odpowiedź: {svarlenke}',
      'Serdecznie pozdrawiamy, {vertskap}',
    ].join('\n\n'),
    sms: 'Dzień dobry, {fornavn}! Zapraszamy na {tittel} {dato}, {tid}. Odpowiedź: {svarlenke} {vertskap}',
  },
};
