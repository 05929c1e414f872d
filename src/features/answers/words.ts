import { persons } from '../../domain/notices.js';

/**
 * The words of the household's answer page. Not in the web app's catalogues (nb, nn, en): the
 * page speaks the invitation's language, which can be one the team writes invitations in but
 * the staff UI does not (Arabic, right to left). A language without words here gets bokmål.
 */
export interface AnswerWords {
  team: string;
  hello: (names: string) => string;
  when: string;
  where: string;
  map: string;
  programme: string;
  hosts: string;
  question: string;
  coming: string;
  notComing: string;
  maybe: string;
  adults: string;
  children: string;
  diet: string;
  diets: Record<string, string>;
  dietNote: string;
  comment: string;
  commentHint: (max: number) => string;
  send: string;
  change: string;
  saved: string;
  yourAnswer: string;
  answerComing: (adults: number, children: number) => string;
  answerWaiting: (place: number) => string;
  answerMaybe: string;
  answerNotComing: string;
  deadline: (date: string) => string;
  deadlinePassed: (date: string, hosts: string) => string;
  closed: string;
  calendar: string;
  googleCalendar: string;
  errorsHeading: string;
  errors: Record<string, string>;
  badLinkTitle: string;
  badLink: string;
  busyTitle: string;
  busy: string;
}

const nb: AnswerWords = {
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
    const p = persons('nb', a, c);
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
    no_room: 'Det er ikke plass til flere. Dere kan komme med like mange som før, eller ta kontakt med oss.',
    deadline_passed: 'Svarfristen har gått ut.',
    closed: 'Kafeen har vært eller er avlyst.',
  },
  busyTitle: 'Vent litt',
  busy: 'Det kom mange forsøk på kort tid. Vent et minutt og prøv igjen. Svaret deres er ikke borte.',
  badLinkTitle: 'Lenken virker ikke',
  badLink:
    'Lenken kan være skrevet av feil, eller kafeen har allerede vært. Ta kontakt med fosterhjemstjenesten i kommunen deres, så hjelper vi dere.',
};

const nn: AnswerWords = {
  ...nb,
  team: 'Fosterheimstenesta',
  question: 'Kjem de?',
  coming: 'Ja, vi kjem',
  notComing: 'Nei, vi kjem ikkje',
  adults: 'Talet på vaksne',
  children: 'Talet på born',
  diet: 'Omsyn i maten',
  diets: { ...nb.diets, no_pork: 'Ikkje svinekjøt' },
  dietNote: 'Anna om maten (valfritt)',
  comment: 'Kommentar til oss (valfritt)',
  commentHint: (max) => `Høgst ${max} teikn.`,
  saved: 'Takk! Svaret er lagra.',
  yourAnswer: 'Svaret dykkar',
  answerComing: (a, c) => {
    const p = persons('nn', a, c);
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
  errorsHeading: 'Noko må rettast',
  errors: {
    ...nb.errors,
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
};

const en: AnswerWords = {
  team: 'Foster care team',
  hello: (names) => `Hi ${names}!`,
  when: 'When',
  where: 'Where',
  map: 'Show on map',
  programme: 'Programme',
  hosts: 'Hosts',
  question: 'Are you coming?',
  coming: 'Yes, we are coming',
  notComing: 'No, we are not coming',
  maybe: 'Maybe',
  adults: 'Number of adults',
  children: 'Number of children',
  diet: 'Food requirements',
  diets: {
    vegetarian: 'Vegetarian',
    vegan: 'Vegan',
    halal: 'Halal',
    no_pork: 'No pork',
    gluten_free: 'Gluten free',
    lactose_free: 'Lactose free',
    nut_allergy: 'Nut allergy',
    fish_allergy: 'Fish allergy',
    egg_allergy: 'Egg allergy',
  },
  dietNote: 'Anything else about food (optional)',
  comment: 'A comment to us (optional)',
  commentHint: (max) => `At most ${max} characters.`,
  send: 'Send answer',
  change: 'Change the answer',
  saved: 'Thank you! Your answer is saved.',
  yourAnswer: 'Your answer',
  answerComing: (a, c) => {
    const p = persons('en', a, c);
    return `You are coming: ${p.adults} and ${p.children}.`;
  },
  answerWaiting: (p) =>
    `The café is full. You are number ${p} on the waiting list; we will tell you if a place comes free.`,
  answerMaybe: 'You might come.',
  answerNotComing: 'You are not coming this time.',
  deadline: (d) => `Please answer by ${d}. You can change your answer until then.`,
  deadlinePassed: (d, h) =>
    `The deadline was ${d}. To change your answer, contact ${h} in the foster care team.`,
  closed: 'This café is over or cancelled. Thank you for following along!',
  calendar: 'Add to calendar (.ics)',
  googleCalendar: 'Add to Google Calendar',
  errorsHeading: 'Something needs fixing',
  errors: {
    response: 'Choose whether you are coming.',
    adults: 'Write how many are coming: at least one person, at most 20 adults and 20 children.',
    children: 'Write a number of children from 0 to 20.',
    diet: 'Choose from the list.',
    dietNote: 'Write at most 300 characters about food.',
    comment: 'The comment can be at most 1000 characters.',
    no_room: 'There is no room for more people. You can come with as many as before, or contact us.',
    deadline_passed: 'The deadline for answers has passed.',
    closed: 'The café is over or cancelled.',
  },
  busyTitle: 'Please wait',
  busy: 'There were many attempts in a short time. Wait a minute and try again. Your answer is not lost.',
  badLinkTitle: 'The link does not work',
  badLink:
    'The link may have been copied wrongly, or the café is already over. Contact the foster care team in your municipality and we will help you.',
};

const ar: AnswerWords = {
  team: 'خدمة الأسر الحاضنة',
  hello: (names) => `مرحباً ${names}!`,
  when: 'متى',
  where: 'أين',
  map: 'عرض على الخريطة',
  programme: 'البرنامج',
  hosts: 'المضيفون',
  question: 'هل ستحضرون؟',
  coming: 'نعم، سنحضر',
  notComing: 'لا، لن نحضر',
  maybe: 'ربما',
  adults: 'عدد البالغين',
  children: 'عدد الأطفال',
  diet: 'متطلبات الطعام',
  diets: {
    vegetarian: 'نباتي',
    vegan: 'نباتي صرف',
    halal: 'حلال',
    no_pork: 'بدون لحم خنزير',
    gluten_free: 'خالٍ من الغلوتين',
    lactose_free: 'خالٍ من اللاكتوز',
    nut_allergy: 'حساسية المكسرات',
    fish_allergy: 'حساسية السمك',
    egg_allergy: 'حساسية البيض',
  },
  dietNote: 'شيء آخر عن الطعام (اختياري)',
  comment: 'تعليق لنا (اختياري)',
  commentHint: (max) => `${max} حرف كحد أقصى.`,
  send: 'إرسال الرد',
  change: 'تغيير الرد',
  saved: 'شكراً! تم حفظ ردكم.',
  yourAnswer: 'ردكم',
  answerComing: (a, c) => {
    const p = persons('ar', a, c);
    return `ستحضرون: ${p.adults}، ${p.children}.`;
  },
  answerWaiting: (p) => `المقهى ممتلئ. أنتم رقم ${p} في قائمة الانتظار، وسنخبركم إذا توفر مكان.`,
  answerMaybe: 'ربما تحضرون.',
  answerNotComing: 'لن تحضروا هذه المرة.',
  deadline: (d) => `يرجى الرد قبل ${d}. يمكنكم تغيير الرد حتى ذلك الحين.`,
  deadlinePassed: (d, h) => `كان آخر موعد للرد ${d}. لتغيير الرد تواصلوا مع ${h} في خدمة الأسر الحاضنة.`,
  closed: 'انتهى هذا المقهى أو أُلغي. شكراً لمتابعتكم!',
  calendar: 'أضف إلى التقويم (.ics)',
  googleCalendar: 'أضف إلى تقويم Google',
  errorsHeading: 'يجب تصحيح شيء',
  errors: {
    response: 'اختاروا إن كنتم ستحضرون.',
    adults: 'اكتبوا عدد الحاضرين: شخص واحد على الأقل، و20 بالغاً و20 طفلاً على الأكثر.',
    children: 'اكتبوا عدد الأطفال من 0 إلى 20.',
    diet: 'اختاروا من القائمة.',
    dietNote: 'اكتبوا 300 حرف على الأكثر عن الطعام.',
    comment: 'يمكن أن يكون التعليق 1000 حرف على الأكثر.',
    no_room: 'لا يوجد مكان لمزيد من الأشخاص. يمكنكم الحضور بنفس العدد السابق أو التواصل معنا.',
    deadline_passed: 'انتهى موعد الرد.',
    closed: 'انتهى المقهى أو أُلغي.',
  },
  busyTitle: 'انتظروا قليلاً',
  busy: 'كانت هناك محاولات كثيرة في وقت قصير. انتظروا دقيقة وحاولوا مرة أخرى. ردكم لم يضع.',
  badLinkTitle: 'الرابط لا يعمل',
  badLink:
    'ربما نُسخ الرابط بشكل خاطئ، أو انتهى المقهى بالفعل. تواصلوا مع خدمة الأسر الحاضنة في بلديتكم وسنساعدكم.',
};

const WORDS: Record<string, AnswerWords> = { nb, nn, en, ar };

export function answerWords(language: string): { language: string; words: AnswerWords } {
  const words = WORDS[language];
  return words ? { language, words } : { language: 'nb', words: nb };
}
