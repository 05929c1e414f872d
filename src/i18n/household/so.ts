import type { HouseholdWords } from './types.js';

const persons: HouseholdWords['persons'] = (adults, children) => ({
  adults: `${adults} qof oo waaweyn`,
  children: `${children} ${children === 1 ? 'ilmo' : 'carruur'}`,
});

/** Somali. */
export const so: HouseholdWords = {
  language: 'so',
  review: 'machine',
  persons,
  help: 'Su’aalo ma qabtaan? La xiriira kooxda qoysaska korsada ee degmadiinna, waan idin caawin doonnaa.',
  answer: {
    team: 'Kooxda qoysaska korsada',
    hello: (names) => `Salaan ${names}!`,
    when: 'Goorma',
    where: 'Halkee',
    map: 'Ku muuji khariidadda',
    programme: 'Barnaamijka',
    hosts: 'Martigeliyayaasha',
    question: 'Ma imaanaysaan?',
    coming: 'Haa, waan imaanaynaa',
    notComing: 'Maya, ma imaanayno',
    maybe: 'Laga yaabee',
    adults: 'Tirada dadka waaweyn',
    children: 'Tirada carruurta',
    diet: 'Shuruudaha cuntada',
    diets: {
      vegetarian: 'Khudaar keliya',
      vegan: 'Vegan',
      halal: 'Xalaal',
      no_pork: 'Hilib doofaar la’aan',
      gluten_free: 'Gluten la’aan',
      lactose_free: 'Laktoos la’aan',
      nut_allergy: 'Xasaasiyad lawska',
      fish_allergy: 'Xasaasiyad kalluunka',
      egg_allergy: 'Xasaasiyad ukunta',
    },
    dietNote: 'Wax kale oo ku saabsan cuntada (ikhtiyaari)',
    comment: 'Faallo aad noo qortaan (ikhtiyaari)',
    commentHint: (max) => `Ugu badnaan ${max} xaraf.`,
    send: 'Dir jawaabta',
    change: 'Beddel jawaabta',
    saved: 'Mahadsanid! Jawaabtiinna waa la kaydiyey.',
    yourAnswer: 'Jawaabtiinna',
    answerComing: (a, c) => {
      const p = persons(a, c);
      return `Waad imaanaysaan: ${p.adults}, ${p.children}.`;
    },
    answerWaiting: (p) =>
      `Kafeegu waa buuxaa. Waxaad tihiin lambarka ${p} ee liiska sugitaanka, waanan idin soo ogeysiin doonnaa haddii meel banaanato.`,
    answerMaybe: 'Waxaa laga yaabaa inaad timaadaan.',
    answerNotComing: 'Markan ma imaanaysaan.',
    deadline: (d) => `Fadlan jawaab ka hor ${d}. Ilaa markaas waad beddeli kartaan jawaabta.`,
    deadlinePassed: (d, h) =>
      `Waqtiga jawaabta wuxuu dhammaaday ${d}. Si aad u beddeshaan jawaabta, la xiriira ${h} ee kooxda qoysaska korsada.`,
    closed: 'Kafeegan waa la qabtay ama waa la joojiyey. Mahadsanid xiisihiinna!',
    cancelled: 'Nasiib darro, kafeegan waa la joojiyey. Waxaan rajaynaynaa inaan idin aragno mar kale.',
    calendar: 'Ku dar jadwalka (.ics)',
    googleCalendar: 'Ku dar Google Calendar',
    errorsHeading: 'Wax baa u baahan in la saxo',
    errors: {
      response: 'Dooro inaad imaanaysaan iyo in kale.',
      adults: 'Qor inta qof ee imaanaysa: ugu yaraan 1, ugu badnaan 20 qof oo waaweyn iyo 20 ilmo.',
      children: 'Qor tirada carruurta, 0 ilaa 20.',
      diet: 'Ka dooro liiska.',
      dietNote: 'Cuntada ka qor ugu badnaan 300 xaraf.',
      comment: 'Faalladu waxay noqon kartaa ugu badnaan 1000 xaraf.',
      no_room:
        'Meel loogu talagalay dad kale ma jirto. Waxaad ku iman kartaan isla tiradii hore, ama nala soo xiriira.',
      deadline_passed: 'Waqtiga jawaabta wuu dhammaaday.',
      closed: 'Kafeega waa la qabtay ama waa la joojiyey.',
    },
    busyTitle: 'Wax yar sug',
    busy: 'Isku day badan ayaa yimid waqti gaaban gudihiis. Sug daqiiqad kadibna mar kale isku day. Jawaabtiinnu ma lumin.',
    badLinkTitle: 'Xiriirku ma shaqaynayo',
    badLink:
      'Waxaa laga yaabaa in xiriirka si khaldan loo koobiyeeyey, ama kafeegu horey loo qabtay. La xiriira kooxda qoysaska korsada ee degmadiinna, waan idin caawin doonnaa.',
  },
  feedback: {
    name: 'Soomaali',
    team: 'Kooxda qoysaska korsada',
    languages: 'Luqadda',
    intro:
      'Mahadsanid inaad timid! Noo sheeg sida fiidku kuugu ahaa – waxay qaadanaysaa laba daqiiqo oo keliya.',
    anonymous: 'Jawaabtaadu waa qarsoodi: ma kaydinno cidda aad tahay. Ka jawaab waxaad rabto.',
    scale: ['1 – Xun', '2 – Aan fiicnayn', '3 – Caadi', '4 – Fiican', '5 – Aad u fiican'],
    optional: 'ikhtiyaari',
    chooseMany: 'Waxaad dooran kartaa dhowr.',
    textHint: (max) => `Ugu badnaan ${max} xaraf.`,
    send: 'Dir jawaabta',
    errorsHeading: 'Jawaabta lama dirin',
    empty: 'Fadlan ka jawaab ugu yaraan hal su’aal ka hor intaadan dirin.',
    invalid: 'Ma akhriyi karin qayb ka mid ah jawaabtaada. Fadlan mar kale isku day.',
    thanksTitle: 'Aad baad ugu mahadsan tahay jawaabtaada!',
    thanks:
      'Jawaabtaadu waxay naga caawinaysaa inaan kulanka xiga ka dhigno mid ka wanaagsan. Waxaan rajaynaynaa inaan mar kale ku aragno.',
    alreadyTitle: 'Mahadsanid, horey ayaad u jawaabteen',
    already: 'Jawaab ayaan ka helnay taleefankan; waxaan aqbalnaa hal jawaab taleefan kasta.',
    closedTitle: 'Sahanka waa xiran yahay',
    closed: 'Sahankan looma jawaabi karo mar dambe. Mahadsanid inaad rabtay!',
    badLinkTitle: 'Sahanka lama helin',
    badLink: 'Hubi in xiriirka si sax ah loo qoray, ama mar kale iskaan garee koodka QR.',
    busyTitle: 'Wax yar sug',
    busy: 'Isku day badan ayaa ka yimid cinwaankan waqti gaaban gudihiis. Sug daqiiqad kadibna mar kale isku day.',
    sheetLine: 'Koodka ku iskaan garee taleefankaaga oo noo sheeg sida fiidku ahaa. Magac la’aan.',
  },
  notices: {
    coming: {
      subject: 'Ku soo dhawaada {tittel} {dato}',
      body: 'Salaan {fornavn}!\n\nWaad ku mahadsan tihiin jawaabta. Waxaan qornay inaad imaanaysaan: {voksne}, {barn}. Waxaan idin arki doonnaa {dato} {tid} goobta {sted}.\n\nSi aad u beddeshaan jawaabta: {svarlenke}\n\nSalaan, {vertskap}',
      sms: 'Mahadsanid {fornavn}! Waxaan qornay {voksne}, {barn} {tittel} {dato} {tid}. Beddel: {svarlenke}',
    },
    waiting: {
      subject: 'Waxaad ku jirtaan liiska sugitaanka {tittel}',
      body: 'Salaan {fornavn}!\n\nWaad ku mahadsan tihiin jawaabta. Nasiib darro {tittel} {dato} waa buuxaa, waxaadna tihiin lambarka {plass} ee liiska sugitaanka. Haddii meel banaanato, isla markiiba waan idin ogeysiin doonnaa.\n\nJawaabtiinna: {svarlenke}\n\nSalaan, {vertskap}',
      sms: 'Salaan {fornavn}! {tittel} {dato} waa buuxaa. Waxaad tihiin lambarka {plass} ee liiska sugitaanka; waan idin ogeysiin doonnaa haddii meel banaanato.',
    },
    maybe: {
      subject: 'Waad ku mahadsan tihiin jawaabta – {tittel} {dato}',
      body: 'Salaan {fornavn}!\n\nMahadsanid! Waxaan qornay inay suurtagal tahay inaad timaadaan. Jawaab markaad ogaataan: {svarlenke}\n\nSalaan, {vertskap}',
      sms: 'Mahadsanid {fornavn}! Waxaan qornay «laga yaabee» {tittel} {dato}. Jawaab markaad ogaataan: {svarlenke}',
    },
    not_coming: {
      subject: 'Waad ku mahadsan tihiin inaad noo sheegteen',
      body: 'Salaan {fornavn}!\n\nWaad ku mahadsan tihiin inaad noo sheegteen. Waxaan rajaynaynaa inaan mar kale idin aragno. Haddii aad fikirka beddeshaan, halkan ka jawaab: {svarlenke}\n\nSalaan, {vertskap}',
      sms: 'Mahadsanid inaad noo sheegteen, {fornavn}. Waxaan rajaynaynaa inaan mar kale idin aragno!',
    },
    promotion: {
      subject: 'Meel ayaa banaanatay – ku soo dhawaada {tittel} {dato}',
      body: 'Salaan {fornavn}!\n\nMeel ayaa banaanatay, waana idinku soo dhawaynaynaa {tittel} {dato} {tid} goobta {sted}. Haddii aydaan iman karin, halkan noogu sheega: {svarlenke}\n\nSalaan, {vertskap}',
      sms: 'Salaan {fornavn}! Meel ayaa idiin bannaan {tittel} {dato} {tid}. Ma iman kartaan? Jawaab: {svarlenke}',
    },
    reminder: {
      subject: 'Xusuusin: {tittel} {dato}',
      body: 'Salaan {fornavn}!\n\nXusuusin yar oo ku saabsan {tittel} {dato} {tid} goobta {sted}. Waxaan sugaynaa inaan idin aragno.\n\nJawaab ama beddel jawaabta: {svarlenke}\n\nSalaan, {vertskap}',
      sms: 'Salaan {fornavn}! Xusuusin: {tittel} {dato} {tid}. Jawaab: {svarlenke} {vertskap}',
    },
    reminder_first_time: {
      subject: 'Ku soo dhawaada – xitaa markii ugu horreysay: {tittel} {dato}',
      body: 'Salaan {fornavn}!\n\nWaan ku faraxsannahay inaan idin aragno {tittel} {dato} {tid} goobta {sted}. Dad badan ayaa yimaada markii ugu horreysay, kulankuna waa mid aan rasmi ahayn: cunto yar, sheeko, iyo qoysas kale oo yaqaan noloshiinna maalinlaha ah. Albaabka ayaan idinka soo dhawayn doonnaa.\n\nJawaab: {svarlenke}\n\nSalaan, {vertskap}',
      sms: 'Salaan {fornavn}! Waan ku faraxsannahay inaan idin aragno {tittel} {dato} {tid} – xitaa markii ugu horreysay. Albaabka ayaan idinka soo dhawayn. Jawaab: {svarlenke}',
    },
    cancelled: {
      subject: 'Waa la joojiyey: {tittel} {dato}',
      body: 'Salaan {fornavn}!\n\nWaan ka xunnahay, waa inaan joojinnaa {tittel} {dato} {tid}. Waxaan rajaynaynaa inaan idin aragno mar kale.\n\nSalaan, {vertskap}',
      sms: 'Salaan {fornavn}! {tittel} {dato} waa la joojiyey. Waxaan rajaynaynaa inaan idin aragno mar kale. {vertskap}',
    },
    thanks: {
      subject: 'Mahadsanidiin inaad timaaddeen {tittel}',
      body: 'Salaan {fornavn}!\n\nMahadsanidiin inaad timaaddeen {tittel} {dato}. Waan ku faraxnay inaan idin aragno.\n\nNoo sheega waxaad ka fikirteen, waxay qaadanaysaa laba daqiiqo: {tilbakemeldingslenke}\n\nSalaan, {vertskap}',
      sms: 'Mahadsanidiin inaad timaaddeen, {fornavn}! Noo sheega fikirkiinna: {tilbakemeldingslenke} {vertskap}',
    },
    missed: {
      subject: 'Waan idin xiisnay {tittel}',
      body: 'Salaan {fornavn}!\n\nWaan idin xiisnay {tittel} {dato}. Waxaan rajaynaynaa inaad nabad tihiin, oo aan idin aragno marka xigta.\n\nSalaan, {vertskap}',
      sms: 'Salaan {fornavn}! Waan idin xiisnay {tittel} {dato}. Waxaan rajaynaynaa inaan idin aragno marka xigta! {vertskap}',
    },
    questionnaire_before: {
      subject: "Su'aalo ka hor En god start",
      body: 'Haye {fornavn}!\n\nKa hor kulanka koowaad ee En god start, waxaan jeclaan lahayn inaan ogaano sida aad u nooshihiin qoys ahaan. Waxay qaadanaysaa dhowr daqiiqo, jawaabahana waxaa loo isticmaalaa oo keliya si wadajir ah, si loo hagaajiyo koorsada:\n\n{svarlenke}\n\nSalaan, {vertskap}',
      sms: 'Haye {fornavn}! Ka hor En god start waxaan rabnaa inaan ogaano sida aad tihiin. Halkan ka jawaab (dhowr daqiiqo): {svarlenke} {vertskap}',
    },
    questionnaire_after: {
      subject: "Su'aalo ka dib En god start",
      body: "Haye {fornavn}!\n\nWaad ku mahadsan tihiin ka qaybgalka En god start. Waxaan jeclaan lahayn inaan ogaano sida aad tihiin kulamada ka dib, isla su'aalihii hore. Waxay qaadanaysaa dhowr daqiiqo, jawaabahana waxaa loo isticmaalaa oo keliya si wadajir ah:\n\n{svarlenke}\n\nSalaan, {vertskap}",
      sms: 'Haye {fornavn}! Waad ku mahadsan tihiin En god start. Sidee tihiin hadda? Halkan ka jawaab (dhowr daqiiqo): {svarlenke} {vertskap}',
    },
    questionnaire_reminder: {
      subject: "Xusuusin: su'aalaha ku saabsan En god start",
      body: "Haye {fornavn}!\n\nWeli ma aanan helin jawaabtiinna su'aalaha ku saabsan En god start. Waxay qaadanaysaa dhowr daqiiqo, jawaab kastana waxay naga caawinaysaa inaan koorsada hagaajino:\n\n{svarlenke}\n\nHaddii aad dhowaan jawaabteen, iska dhaafa fariintan.\n\nSalaan, {vertskap}",
      sms: "Haye {fornavn}! Xusuusin yar oo ku saabsan su'aalaha En god start (dhowr daqiiqo): {svarlenke} {vertskap}",
    },
  },
  letter: {
    answerHeading: 'Ka jawaab martiqaadka',
    answerHint: 'Koodka ku iskaan garee kamaradda taleefankaaga, ama fur xiriirka:',
    page: 'Bogga {page} ee {pages}',
  },
  invitation: {
    and: 'iyo',
    locale: 'so',
    at: (s, e) => `saacadda ${s}–${e}`,
    food: 'Waxaan bixin doonnaa cunto fudud iyo cabbitaan.',
    programme: 'Barnaamijka:',
    minutes: (n) => `${n} daqiiqo`,
    by: (name) => `waxaa soo bandhigaya ${name}`,
    leader: 'is-baranaya',
    optional: (food) =>
      food
        ? 'Fadlan noo sheega inaad imaanaysaan, si aan u ogaanno inta cunto ah ee aan diyaarinno.'
        : 'Fadlan noo sheega inaad imaanaysaan.',
    required: (d, food) =>
      food
        ? `Fadlan is diiwaangeliya ka hor ${d}, si aan u ogaanno inta cunto ah ee aan diyaarinno.`
        : `Fadlan is diiwaangeliya ka hor ${d}.`,
    closing: 'Salaan diiran,',
    facts: { when: 'Goorma', where: 'Halkee' },
  },
  defaultTemplate: {
    subject: 'Martiqaad {tittel} {dato}',
    body: [
      'Salaan {fornavn},',
      '{personlig_hilsen}',
      'Waxaan idinku martiqaadaynaa {tittel} {dato}, {tid}, goobta {sted}. Waa fursad aad kula kulantaan qoysas kale oo korsada, aad wada sheekaysataan, oo aad nala barataan annaga kooxda – si aan rasmi ahayn.',
      '{program}',
      '{påmelding} Dhammaan waa la soo dhaweynayaa, gaar ahaan kuwa markii ugu horreysay imanaya.',
      'Jawaab: {svarlenke}',
      'Salaan diiran, {vertskap}',
    ].join('\n\n'),
    sms: 'Salaan {fornavn}! Waxaan idinku martiqaadaynaa {tittel} {dato}, {tid}. Jawaab: {svarlenke} {vertskap}',
  },
};
