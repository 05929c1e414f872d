// The invented places and names the demo households are made of. Nothing here is a real person
// or a real address: the areas are real places, the streets common Norwegian street names.

// Where households live ----------------------------------------------------------------------------

export interface Area {
  weight: number;
  /** minutes by car from the office in Asker, roughly */
  minutes: number;
  /** in the municipality's travel-time table; far places are typed in by hand, if at all */
  inTable: boolean;
  /** in the municipality itself: where households with an oversight relation live */
  local?: boolean;
  postcodes: string[];
}

export const AREAS: Area[] = [
  {
    weight: 28,
    minutes: 10,
    inTable: true,
    local: true,
    postcodes:
      '1383 1384 1385 1386 1387 1388 1389 1390 1391 1392 1394 1395 1396 1397 1375 1376 1378 1379'.split(' '),
  },
  {
    weight: 8,
    minutes: 28,
    inTable: true,
    local: true,
    postcodes: '3440 3441 3442 3470 3472 3474 3475 3478 3480 3482 3484 3490'.split(' '),
  },
  {
    weight: 18,
    minutes: 20,
    inTable: true,
    postcodes:
      '1337 1338 1340 1344 1346 1348 1350 1351 1352 1353 1356 1357 1358 1359 1360 1362 1363 1365 1366 1367 1368 1369'.split(
        ' ',
      ),
  },
  {
    weight: 16,
    minutes: 35,
    inTable: true,
    postcodes: (
      '0554 0556 0557 0562 0570 0655 0661 0664 0671 0672 0750 0751 0752 0763 0772 0778 0851 0853 0855 0860 ' +
      '0950 0951 0956 0960 0970 0975 0976 0980 0982 0985 1051 1053 1055 1061 1062 1068 1081 1083 1086 1150 ' +
      '1152 1155 1160 1162 1163 1166 1169 1250 1251 1252 1253 1255 1256 1257 1258 1262 1263 1266 1270 1271 ' +
      '1273 1275 1278 1279 1281 1283 1284 1285 1286 1290 1291 1294 1295'
    ).split(' '),
  },
  {
    weight: 8,
    minutes: 30,
    inTable: true,
    postcodes:
      '3405 3410 3414 3420 3425 3427 3030 3031 3032 3033 3034 3035 3036 3037 3038 3039 3040 3041 3042 3043 3044 3045 3046 3047 3048 3050 3051 3053 3054 3055'.split(
        ' ',
      ),
  },
  {
    weight: 4,
    minutes: 50,
    inTable: true,
    postcodes:
      '1400 1403 1404 1405 1406 1407 1408 1409 1410 1412 1413 1414 1415 1420 1430 1431 1432 1440 1441 1443 1450 1453 1454 1458'.split(
        ' ',
      ),
  },
  {
    weight: 4,
    minutes: 60,
    inTable: true,
    postcodes:
      '2000 2004 2005 2007 2008 2010 2013 2014 2015 2016 2019 2020 2022 2040 2050 2051 2052 2053 2054 2055 2058 2069 2070 2072 2080 1470 1472 1473 1474 1475 1476 1480 1481 1482'.split(
        ' ',
      ),
  },
  {
    weight: 3,
    minutes: 55,
    inTable: true,
    postcodes: '3510 3511 3512 3513 3514 3515 3516 3517 3518 3519 3520 3530 3531 3533'.split(' '),
  },
  {
    weight: 4,
    minutes: 85,
    inTable: true,
    postcodes: (
      '3110 3111 3112 3114 3115 3116 3117 3118 3120 3121 3122 3124 3125 3126 3128 3131 3140 3150 3151 3152 ' +
      '3160 3170 3171 3175 3179 3180 3181 3182 3183 3184 3185 3186 3187 3188 3189 3210 3211 3212 3213 3214 ' +
      '3215 3216 3217 3218 3219 3220 3221 3222 3223 3225 3226 3227 3228 3230 3231 3232 3235 3241 3243 3251 ' +
      '3252 3253 3254 3255 3256 3257 3258 3259 3260 3261 3262 3263 3264 3265 3267 3268 3269 3270 3271 3274 ' +
      '3275 3276 3277 3280 3282 3290 3291 3294 3295 3296 3297'
    ).split(' '),
  },
  {
    weight: 1,
    minutes: 65,
    inTable: true,
    postcodes:
      '3601 3602 3603 3604 3605 3606 3608 3609 3610 3611 3612 3613 3614 3615 3616 3617 3618 3619'.split(' '),
  },
  {
    weight: 2,
    minutes: 95,
    inTable: true,
    postcodes: (
      '1601 1602 1604 1605 1606 1607 1608 1609 1610 1612 1613 1614 1615 1616 1617 1618 1619 1620 1621 1624 ' +
      '1625 1626 1628 1630 1632 1634 1636 1637 1638 1639 1640 1501 1502 1503 1504 1506 1508 1509 1510 1511 ' +
      '1512 1513 1514 1515 1516 1517 1518 1519 1520 1521 1522 1523 1524 1525 1526 1528 1529 1530 1531 1532'
    ).split(' '),
  },
  {
    weight: 1.5,
    minutes: 140,
    inTable: true,
    postcodes: (
      '2315 2316 2317 2318 2319 2320 2321 2322 2323 2324 2325 2326 2609 2610 2611 2612 2613 2614 2615 2616 ' +
      '2617 2618 2619 2624 2625 2626 2815 2816 2817 2818 2819 2820 2821 2822 2825 2827'
    ).split(' '),
  },
  {
    weight: 0.6,
    minutes: 270,
    inTable: false,
    postcodes:
      '4608 4610 4612 4614 4616 4617 4618 4619 4620 4621 4622 4623 4624 4625 4626 4628 4629 4630'.split(' '),
  },
  {
    weight: 0.6,
    minutes: 430,
    inTable: false,
    postcodes:
      '5003 5006 5009 5010 5011 5012 5013 5014 5015 5016 5017 5018 4005 4006 4007 4008 4009 4010 4011 4012 4013 4014'.split(
        ' ',
      ),
  },
  {
    weight: 0.4,
    minutes: 480,
    inTable: false,
    postcodes:
      '7010 7011 7012 7013 7014 7015 7016 7017 7018 7019 7020 7030 7031 7032 7033 7034 7036 7037'.split(' '),
  },
];

export const STREETS = [
  'Storgata',
  'Kirkeveien',
  'Skogveien',
  'Bjørkeveien',
  'Granveien',
  'Furuveien',
  'Solveien',
  'Bakkeveien',
  'Parkveien',
  'Lyngveien',
  'Eikeveien',
  'Fjellveien',
  'Haugveien',
  'Hagaveien',
  'Løkkeveien',
  'Tunveien',
  'Liaveien',
  'Skolegata',
  'Jernbaneveien',
  'Bekkeveien',
  'Rognveien',
  'Kløverveien',
  'Heggveien',
  'Åsveien',
  'Nordre gate',
  'Søndre vei',
  'Engveien',
  'Lindeveien',
  'Tallberget',
  'Blåbærstien',
  'Tyttebærveien',
  'Myrveien',
  'Fossveien',
  'Bryggeveien',
  'Sjøveien',
  'Utsikten',
  'Kongens gate',
  'Dronningens gate',
  'Grønlia',
  'Ekornstien',
];

// Who lives there ----------------------------------------------------------------------------------

export type Origin = 'no' | 'so' | 'ar' | 'pl' | 'uk' | 'ti';
export interface Names {
  female: string[];
  male: string[];
  surnames: string[];
  /** the language such a household prefers, most often */
  language: string;
  /** women's form of a surname (Polish -ski → -ska) */
  feminine?: (surname: string) => string;
  /** couples keep their own surnames (Somali and Eritrean naming) */
  ownSurnames?: boolean;
}

export const words = (s: string) => s.split(' ');
export const NAMES: Record<Origin, Names> = {
  no: {
    language: 'nb',
    female: words(
      'Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Bjørg Hilde Anna Solveig Marianne Randi Ida Nina Maria ' +
        'Elisabeth Kristin Bente Heidi Silje Hanne Gro Camilla Tone Linda Mette Ragnhild Line Trine Ingeborg ' +
        'Kristine Tonje Siri Hege Sissel Elin Lene Guro Marte Maren Therese Stine Monica Ellen Turid Synnøve',
    ),
    male: words(
      'Jan Per Bjørn Ole Lars Kjell Knut Arne Svein Thomas Hans Geir Tor Morten Terje Odd Erik Martin Andreas ' +
        'John Anders Rune Trond Tore Jon Harald Olav Øyvind Stian Espen Eirik Kristian Magnus Jørgen Henrik ' +
        'Sindre Håkon Even Vegard Torbjørn Gunnar Steinar Frode Leif Einar Audun Halvor Sverre',
    ),
    surnames: words(
      'Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen ' +
        'Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Henriksen Lund Halvorsen ' +
        'Sørensen Jakobsen Moen Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen ' +
        'Bakken Kristoffersen Mathisen Lie Amundsen Rasmussen Lunde Solheim Berge Moe Nygård Bakke ' +
        'Fredriksen Holm Lien Hauge Christensen Andresen Knudsen Evensen Sæther Aas Myhre Haugland Thomassen ' +
        'Sivertsen Simonsen Danielsen Berntsen Sandvik Rønning Arnesen Antonsen Næss Vik Haug Ellingsen ' +
        'Thorsen Birkeland Isaksen Gulbrandsen Ruud Aasen Strøm Myklebust Tangen Ødegård Eliassen Helland ' +
        'Bøe Aune Mikkelsen Tveit Brekke Abrahamsen Madsen Nordby Fossum Engebretsen Løken Vold Skaug',
    ),
  },
  so: {
    language: 'so',
    ownSurnames: true,
    female: words(
      'Hodan Amina Fadumo Hawa Sahra Ayaan Nimco Ubah Khadra Asha Sagal Idil Faadumo Deeqa Ifrah',
    ),
    male: words('Abdi Mohamed Hassan Ahmed Ali Yusuf Omar Farah Abdirahman Abdullahi Mahad Liban Guled Said'),
    surnames: words(
      'Abdi Ahmed Hassan Mohamed Warsame Jama Osman Farah Nur Ali Aden Hersi Yusuf Ismail Egal',
    ),
  },
  ar: {
    language: 'ar',
    female: words('Fatima Layla Rania Noor Huda Mariam Salma Yasmin Rasha Dima Lina Hala Amal Reem'),
    male: words('Ahmad Khaled Omar Mahmoud Yousef Rami Samir Tarek Bilal Hassan Ziad Walid Fadi Karim'),
    surnames: words(
      'Haddad Khalil Nasser Ibrahim Mansour Hamdan Saleh Darwish Kassem Haidar Al-Sayed Othman Aziz',
    ),
  },
  pl: {
    language: 'pl',
    female: words(
      'Anna Katarzyna Małgorzata Agnieszka Magdalena Joanna Ewa Monika Aleksandra Karolina Natalia',
    ),
    male: words('Piotr Tomasz Krzysztof Marek Paweł Łukasz Michał Jakub Grzegorz Marcin Adam Wojciech'),
    surnames: words(
      'Kowalski Nowak Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański Dąbrowski Mazur Krawczyk Jankowski',
    ),
    feminine: (s) => s.replace(/ski$/, 'ska').replace(/cki$/, 'cka'),
  },
  uk: {
    language: 'uk',
    female: words('Olena Oksana Iryna Nataliia Tetiana Yuliia Kateryna Svitlana Halyna Viktoriia Anastasiia'),
    male: words('Oleksandr Andrii Dmytro Serhii Mykola Taras Yurii Volodymyr Ivan Bohdan Vasyl'),
    surnames: words(
      'Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Boiko Koval Oliinyk Lysenko Marchenko',
    ),
  },
  ti: {
    language: 'ti',
    ownSurnames: true,
    female: words('Senait Helen Saba Rahel Selam Tsega Mebrat Luwam Feven Yordanos Winta Hiwet'),
    male: words('Tesfay Yonas Dawit Mehari Berhane Kidane Samuel Habte Filmon Amanuel Michael Robel'),
    surnames: words(
      'Tesfamariam Gebremedhin Haile Tekle Berhe Ghebreyesus Woldu Kahsay Abraha Mehari Kiflom Teklay',
    ),
  },
};

export const CHILD_NAMES = words(
  'Emma Nora Sofie Olivia Ella Ingrid Maja Leah Sara Thea Ida Frida Hedda Mia Selma Aurora Julie Tiril Vilde ' +
    'Linnea Amalie Astrid Hanna Iben Jakob Noah Emil Lucas Oskar Filip Aksel William Henrik Isak Magnus Elias ' +
    'Mathias Tobias Jonas Sander Ludvig Theodor Johannes Liam Markus Kasper Adrian Benjamin Sebastian Mikkel',
);
export const CHILD_NAMES_ABROAD = words(
  'Amira Layla Zainab Hiba Maryam Yasmin Nasra Aisha Daniela Zofia Sofiia Milana Sumaya Adam Ali Yusuf Omar ' +
    'Ibrahim Hamza Mustafa Sami Daniel Maksym Kacper Dawit Noel Idris',
);
// Unaccompanied minors in family homes: mostly boys from Afghanistan, Eritrea, Syria and Somalia.
export const YOUTH_NAMES = words(
  'Ahmad Mohammad Ali Hassan Mustafa Yonas Abdullahi Ibrahim Omid Reza Samir Bilal Amanuel Filmon Ahmed Hamid ' +
    'Jamal Yasin Zakaria Mahdi Sultan Faisal Robel Merhawi Abdirahim Sara Hawa Senait Maryam',
);

export const CARE_MUNICIPALITIES = words(
  'Oslo Bærum Drammen Lier Lillestrøm Ringerike Holmestrand Lørenskog Moss Kongsberg Bergen Horten',
).concat(['Nordre Follo']);
export const MOBILE_PREFIXES = words('40 41 45 46 47 48 90 91 92 93 94 95 97 98 99');
