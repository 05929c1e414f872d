/**
 * The short messages that follow an invitation (issue 7): the confirmation of an answer, the
 * news that a place came free, and reminders — warmer for a household that has never been to a
 * café (the seeds' biggest worry is the first time). Written in the template language with its
 * merge fields ({fornavn}, {tittel}, {dato}, {tid}, {sted}, {svarlenke}, {vertskap}), plus
 * {voksne}, {barn} and {plass}, which the caller fills in first.
 */
import { baseLanguage, type TemplateText } from './template.js';

export type NoticeKind =
  | 'coming'
  | 'waiting'
  | 'maybe'
  | 'not_coming'
  | 'promotion'
  | 'reminder'
  | 'reminder_first_time';

type Notices = Record<NoticeKind, TemplateText>;

const nb: Notices = {
  coming: {
    subject: 'Velkommen til {tittel} {dato}',
    body: 'Hei {fornavn}!\n\nTakk for svaret. Vi har notert at dere kommer: {voksne} og {barn}. Vi ses {dato} {tid} på {sted}.\n\nEndre svaret her: {svarlenke}\n\nHilsen {vertskap}',
    sms: 'Takk, {fornavn}! Vi har notert {voksne} og {barn} til {tittel} {dato} {tid}. Endre: {svarlenke}',
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
};

const nn: Notices = {
  coming: {
    subject: 'Velkomen til {tittel} {dato}',
    body: 'Hei {fornavn}!\n\nTakk for svaret. Vi har notert at de kjem: {voksne} og {barn}. Vi sest {dato} {tid} på {sted}.\n\nEndre svaret her: {svarlenke}\n\nHelsing {vertskap}',
    sms: 'Takk, {fornavn}! Vi har notert {voksne} og {barn} til {tittel} {dato} {tid}. Endre: {svarlenke}',
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
};

const en: Notices = {
  coming: {
    subject: 'Welcome to {tittel} {dato}',
    body: 'Hi {fornavn}!\n\nThank you for answering. We have noted that you are coming: {voksne} and {barn}. See you {dato} {tid} at {sted}.\n\nChange your answer here: {svarlenke}\n\nBest wishes, {vertskap}',
    sms: 'Thank you, {fornavn}! We have noted {voksne} and {barn} for {tittel} {dato} {tid}. Change: {svarlenke}',
  },
  waiting: {
    subject: 'You are on the waiting list for {tittel}',
    body: 'Hi {fornavn}!\n\nThank you for answering. {tittel} {dato} is full, so you are number {plass} on the waiting list. If a place comes free, we will tell you straight away.\n\nSee your answer here: {svarlenke}\n\nBest wishes, {vertskap}',
    sms: 'Hi {fornavn}! {tittel} {dato} is full. You are number {plass} on the waiting list; we will tell you if a place comes free.',
  },
  maybe: {
    subject: 'Thank you for answering – {tittel} {dato}',
    body: 'Hi {fornavn}!\n\nThank you! We have noted that you might come. Please answer when you know: {svarlenke}\n\nBest wishes, {vertskap}',
    sms: 'Thank you, {fornavn}! We have noted "maybe" for {tittel} {dato}. Answer when you know: {svarlenke}',
  },
  not_coming: {
    subject: 'Thank you for letting us know',
    body: 'Hi {fornavn}!\n\nThank you for letting us know. We hope to see you another time. If you change your mind, you can answer here: {svarlenke}\n\nBest wishes, {vertskap}',
    sms: 'Thank you for letting us know, {fornavn}. We hope to see you another time!',
  },
  promotion: {
    subject: 'A place came free – welcome to {tittel} {dato}',
    body: 'Hi {fornavn}!\n\nA place came free, and you are welcome at {tittel} {dato} {tid} at {sted}. If you cannot come after all, please tell us here: {svarlenke}\n\nBest wishes, {vertskap}',
    sms: 'Hi {fornavn}! A place came free for you at {tittel} {dato} {tid}. Cannot come after all? Answer: {svarlenke}',
  },
  reminder: {
    subject: 'Reminder: {tittel} {dato}',
    body: 'Hi {fornavn}!\n\nA small reminder of {tittel} {dato} {tid} at {sted}. We look forward to seeing you.\n\nAnswer or change your answer here: {svarlenke}\n\nBest wishes, {vertskap}',
    sms: 'Hi {fornavn}! Reminder: {tittel} {dato} {tid}. Answer: {svarlenke} {vertskap}',
  },
  reminder_first_time: {
    subject: 'Welcome – also the first time: {tittel} {dato}',
    body: 'Hi {fornavn}!\n\nWe would love to see you at {tittel} {dato} {tid} at {sted}. Many come for the first time, and it is all informal: some food, a chat and others who know your everyday life. We will meet you at the door.\n\nAnswer here: {svarlenke}\n\nBest wishes, {vertskap}',
    sms: 'Hi {fornavn}! We would love to see you at {tittel} {dato} {tid} – also the first time. We will meet you at the door. Answer: {svarlenke}',
  },
};

const ar: Notices = {
  coming: {
    subject: 'أهلاً بكم في {tittel} {dato}',
    body: 'مرحباً {fornavn}!\n\nشكراً على ردكم. سجّلنا أنكم ستحضرون: {voksne}، {barn}. نراكم {dato} {tid} في {sted}.\n\nلتغيير الرد: {svarlenke}\n\nمع التحية، {vertskap}',
    sms: 'شكراً {fornavn}! سجّلنا {voksne}، {barn} في {tittel} {dato} {tid}. للتغيير: {svarlenke}',
  },
  waiting: {
    subject: 'أنتم في قائمة الانتظار لـ {tittel}',
    body: 'مرحباً {fornavn}!\n\nشكراً على ردكم. {tittel} {dato} ممتلئ للأسف، وأنتم رقم {plass} في قائمة الانتظار. إذا توفر مكان سنخبركم فوراً.\n\nردكم هنا: {svarlenke}\n\nمع التحية، {vertskap}',
    sms: 'مرحباً {fornavn}! {tittel} {dato} ممتلئ. أنتم رقم {plass} في قائمة الانتظار، وسنخبركم إذا توفر مكان.',
  },
  maybe: {
    subject: 'شكراً على ردكم – {tittel} {dato}',
    body: 'مرحباً {fornavn}!\n\nشكراً! سجّلنا أنكم ربما تحضرون. أرسلوا الرد عندما تعرفون: {svarlenke}\n\nمع التحية، {vertskap}',
    sms: 'شكراً {fornavn}! سجّلنا «ربما» لـ {tittel} {dato}. أرسلوا الرد عندما تعرفون: {svarlenke}',
  },
  not_coming: {
    subject: 'شكراً لإخبارنا',
    body: 'مرحباً {fornavn}!\n\nشكراً لإخبارنا. نأمل أن نراكم مرة أخرى. إذا غيّرتم رأيكم يمكنكم الرد هنا: {svarlenke}\n\nمع التحية، {vertskap}',
    sms: 'شكراً لإخبارنا يا {fornavn}. نأمل أن نراكم مرة أخرى!',
  },
  promotion: {
    subject: 'توفر مكان – أهلاً بكم في {tittel} {dato}',
    body: 'مرحباً {fornavn}!\n\nتوفر مكان، وأنتم مرحّب بكم في {tittel} {dato} {tid} في {sted}. إذا لم تستطيعوا الحضور، أخبرونا هنا: {svarlenke}\n\nمع التحية، {vertskap}',
    sms: 'مرحباً {fornavn}! توفر مكان لكم في {tittel} {dato} {tid}. لا تستطيعون الحضور؟ ردّوا: {svarlenke}',
  },
  reminder: {
    subject: 'تذكير: {tittel} {dato}',
    body: 'مرحباً {fornavn}!\n\nتذكير صغير بـ {tittel} {dato} {tid} في {sted}. نتطلع لرؤيتكم.\n\nالرد أو تغييره هنا: {svarlenke}\n\nمع التحية، {vertskap}',
    sms: 'مرحباً {fornavn}! تذكير: {tittel} {dato} {tid}. الرد: {svarlenke} {vertskap}',
  },
  reminder_first_time: {
    subject: 'أهلاً بكم – حتى في المرة الأولى: {tittel} {dato}',
    body: 'مرحباً {fornavn}!\n\nيسعدنا أن نراكم في {tittel} {dato} {tid} في {sted}. كثيرون يأتون لأول مرة، واللقاء غير رسمي تماماً: قليل من الطعام، وحديث، وأسر أخرى تعرف حياتكم اليومية. سنستقبلكم عند الباب.\n\nالرد هنا: {svarlenke}\n\nمع التحية، {vertskap}',
    sms: 'مرحباً {fornavn}! يسعدنا أن نراكم في {tittel} {dato} {tid} – حتى في المرة الأولى. سنستقبلكم عند الباب. الرد: {svarlenke}',
  },
};

const NOTICES: Record<string, Notices> = { nb, nn, en, ar };

/** The notice in the language, or bokmål where there is none (a household's own language without notices). */
export function noticeText(kind: NoticeKind, language: string): { language: string; text: TemplateText } {
  const base = baseLanguage(language);
  const notices = NOTICES[base];
  return notices ? { language: base, text: notices[kind] } : { language: 'nb', text: nb[kind] };
}

/** "1 voksen", "2 voksne", "0 barn": the number with its word, in the language. */
export function persons(
  language: string,
  adults: number,
  children: number,
): { adults: string; children: string } {
  switch (baseLanguage(language)) {
    case 'nn':
      return { adults: `${adults} ${adults === 1 ? 'vaksen' : 'vaksne'}`, children: `${children} born` };
    case 'en':
      return {
        adults: `${adults} ${adults === 1 ? 'adult' : 'adults'}`,
        children: `${children} ${children === 1 ? 'child' : 'children'}`,
      };
    case 'ar':
      // Arabic counts agree in ways a template cannot; "adults: 2" reads right at any number.
      return { adults: `البالغون: ${adults}`, children: `الأطفال: ${children}` };
    default:
      return { adults: `${adults} ${adults === 1 ? 'voksen' : 'voksne'}`, children: `${children} barn` };
  }
}

/** Fills in the notice's own fields ({voksne}, {barn}, {plass}) before the template's merge fields. */
export function fillNoticeFields(
  source: string,
  values: { adults: number; children: number; place: number | null },
  language: string,
) {
  const counted = persons(language, values.adults, values.children);
  return source
    .replaceAll('{voksne}', counted.adults)
    .replaceAll('{barn}', counted.children)
    .replaceAll('{plass}', values.place === null ? '' : String(values.place));
}
