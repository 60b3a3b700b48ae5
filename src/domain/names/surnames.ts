/**
 * Family names: how each is conventionally written in Latin and Cyrillic, and how common it is.
 *
 * Spellings: the Latin list starts with the usual South Korean spelling (Kim, Lee, Park, Choi,
 * Jung…) and goes on with the others in use (Yi, Rhee, Pak, Choe, Chung…), as in the census report
 * cited below ("Lee or Yi", "Choe or Choi", "Yun or Yoon", "Lim or Im"). `mr` is the
 * McCune–Reischauer form of library and academic use. DPRK spellings that keep the initial ㄹ
 * (리 Ri, 림 Rim, 류 Ryu, 로 Ro, 량 Ryang, 라 Ra) are their own rows, as written in Hangul.
 * The Cyrillic list starts with the form Russian practice uses (Ким, Ли, Пак, Цой, Чон…), followed by
 * the Kontsevich-strict form where it differs (Чхве) and the Koryo-saram forms (Тен, Тё, Тян, Лим).
 *
 * Frequencies: thousands of people, Statistics Korea, 2015 Population and Housing Census (family
 * names and clans, published Sept. 2016). The ten largest are as reported (Kim 21.5 %, Lee 14.7 %,
 * Park 8.4 %, Choi 4.7 %, Jung 4.3 %, Kang 2.4 %, Cho 2.1 %, Yun 2.1 %, Chang 2.0 %, Lim 1.7 %;
 * Korea Times, 7 Sept. 2016); the rest are rounded and only steer the name generator.
 */

export interface Surname {
  readonly hangul: string;
  /** Thousands of people (2015 census); 0 for DPRK spellings counted under their South Korean form. */
  readonly thousands: number;
  /** Conventional Latin spellings, most common first. */
  readonly latin: readonly string[];
  /** McCune–Reischauer form. */
  readonly mr: string;
  /** Conventional Cyrillic spellings, Russian practice first. */
  readonly cyrillic: readonly string[];
}

type Row = [hangul: string, thousands: number, latin: string[], mr: string, cyrillic: string[]];

const ROWS: Row[] = [
  ['김', 10690, ['Kim', 'Gim'], 'Kim', ['Ким']],
  ['이', 7307, ['Lee', 'Yi', 'Rhee', 'I'], 'Yi', ['Ли', 'И']],
  // ALA-LC exception 1: 李 is Yi in MR however it is written; in Latin and Cyrillic 리 keeps the DPRK Ri / Ри.
  ['리', 0, ['Ri', 'Lee', 'Yi', 'Rhee'], 'Yi', ['Ри', 'Ли']],
  ['박', 4192, ['Park', 'Pak', 'Bak', 'Bahk'], 'Pak', ['Пак']],
  ['최', 2334, ['Choi', 'Choe', 'Chwe'], 'Ch’oe', ['Цой', 'Чхве', 'Чой']],
  ['정', 2152, ['Jung', 'Jeong', 'Chung', 'Cheong', 'Joung'], 'Chŏng', ['Чон', 'Тен', 'Чжон', 'Чонг']],
  ['강', 1177, ['Kang', 'Gang'], 'Kang', ['Кан', 'Канг']],
  ['조', 1056, ['Cho', 'Jo', 'Joe'], 'Cho', ['Чо', 'Тё', 'Джо']],
  ['윤', 1021, ['Yoon', 'Yun'], 'Yun', ['Юн']],
  ['장', 993, ['Jang', 'Chang'], 'Chang', ['Чан', 'Тян', 'Чанг']],
  ['임', 824, ['Lim', 'Im', 'Yim'], 'Im', ['Им', 'Лим']],
  ['림', 0, ['Rim', 'Lim', 'Im'], 'Rim', ['Рим', 'Лим']],
  ['한', 773, ['Han'], 'Han', ['Хан']],
  ['오', 763, ['Oh', 'O'], 'O', ['О']],
  ['서', 752, ['Seo', 'Suh', 'Su'], 'Sŏ', ['Со', 'Сё']],
  ['신', 741, ['Shin', 'Sin'], 'Sin', ['Син', 'Шин']],
  ['권', 706, ['Kwon', 'Gwon', 'Kweon'], 'Kwŏn', ['Квон']],
  ['황', 697, ['Hwang'], 'Hwang', ['Хван']],
  ['안', 686, ['Ahn', 'An'], 'An', ['Ан']],
  ['송', 683, ['Song'], 'Song', ['Сон', 'Шон']],
  ['전', 560, ['Jeon', 'Jun', 'Chun', 'Chon'], 'Chŏn', ['Чон', 'Тён']],
  ['홍', 559, ['Hong'], 'Hong', ['Хон', 'Хонг']],
  ['유', 547, ['Yoo', 'Yu', 'You'], 'Yu', ['Ю', 'Лю']],
  ['류', 179, ['Ryu', 'Yoo', 'Yu', 'Rhyu'], 'Ryu', ['Рю', 'Лю', 'Ю']],
  ['고', 471, ['Ko', 'Go', 'Koh'], 'Ko', ['Ко']],
  ['문', 464, ['Moon', 'Mun'], 'Mun', ['Мун']],
  ['양', 462, ['Yang'], 'Yang', ['Ян']],
  ['량', 0, ['Ryang', 'Yang'], 'Ryang', ['Рян', 'Ян']],
  ['손', 457, ['Son', 'Sohn'], 'Son', ['Сон']],
  ['배', 401, ['Bae', 'Pae'], 'Pae', ['Пэ', 'Бэ']],
  ['백', 382, ['Baek', 'Paik', 'Baik'], 'Paek', ['Пэк', 'Пак']],
  ['허', 327, ['Heo', 'Huh', 'Hur'], 'Hŏ', ['Хо', 'Хе']],
  ['남', 276, ['Nam'], 'Nam', ['Нам']],
  ['심', 272, ['Shim', 'Sim'], 'Sim', ['Сим', 'Шим']],
  ['노', 220, ['Noh', 'Roh', 'No'], 'No', ['Но', 'Ро']],
  ['로', 0, ['Ro', 'Roh', 'Noh'], 'Ro', ['Ро', 'Но']],
  ['하', 231, ['Ha'], 'Ha', ['Ха']],
  ['곽', 203, ['Kwak', 'Gwak'], 'Kwak', ['Квак']],
  ['성', 198, ['Sung', 'Seong'], 'Sŏng', ['Сон', 'Сонг']],
  ['차', 195, ['Cha'], 'Ch’a', ['Ча', 'Чха']],
  ['주', 202, ['Joo', 'Ju', 'Chu'], 'Chu', ['Чу', 'Тю']],
  ['우', 195, ['Woo', 'U'], 'U', ['У', 'Ву']],
  ['구', 209, ['Koo', 'Ku', 'Gu'], 'Ku', ['Ку', 'Гу']],
  ['민', 172, ['Min'], 'Min', ['Мин']],
  ['나', 170, ['Na', 'Ra'], 'Na', ['На']],
  ['라', 25, ['Ra', 'La', 'Na'], 'Ra', ['Ра', 'На']],
  ['진', 167, ['Jin', 'Chin'], 'Chin', ['Чин', 'Тин']],
  ['지', 160, ['Ji', 'Jee', 'Chi'], 'Chi', ['Чи', 'Джи']],
  ['엄', 145, ['Eom', 'Um', 'Uhm'], 'Ŏm', ['Ом']],
  ['채', 130, ['Chae'], 'Ch’ae', ['Чхэ', 'Чэ']],
  ['원', 127, ['Won', 'Weon'], 'Wŏn', ['Вон']],
  ['천', 115, ['Cheon', 'Chun'], 'Ch’ŏn', ['Чхон', 'Чон']],
  ['방', 110, ['Bang', 'Pang'], 'Pang', ['Пан', 'Бан']],
  ['공', 90, ['Kong', 'Gong'], 'Kong', ['Кон', 'Конг']],
  ['현', 90, ['Hyun', 'Hyeon'], 'Hyŏn', ['Хён', 'Хен']],
  ['함', 80, ['Ham'], 'Ham', ['Хам']],
  ['변', 80, ['Byun', 'Byeon', 'Pyun'], 'Pyŏn', ['Пён', 'Бён']],
  ['염', 70, ['Yeom', 'Yum'], 'Yŏm', ['Ём']],
  ['여', 70, ['Yeo', 'Yuh'], 'Yŏ', ['Ё', 'Е']],
  ['추', 60, ['Choo', 'Chu'], 'Ch’u', ['Чху', 'Чу']],
  ['도', 60, ['Do', 'Doh'], 'To', ['То', 'До']],
  ['소', 50, ['So'], 'So', ['Со']],
  ['석', 50, ['Seok', 'Suk'], 'Sŏk', ['Сок']],
  ['선', 40, ['Sun', 'Seon'], 'Sŏn', ['Сон', 'Сун']],
  ['설', 40, ['Seol', 'Sul'], 'Sŏl', ['Соль', 'Сол']],
  ['마', 40, ['Ma'], 'Ma', ['Ма']],
  ['길', 40, ['Gil', 'Kil'], 'Kil', ['Киль', 'Гиль']],
  ['연', 35, ['Yeon', 'Yun'], 'Yŏn', ['Ён']],
  ['위', 35, ['Wi', 'Wee'], 'Wi', ['Ви']],
  ['표', 30, ['Pyo'], 'P’yo', ['Пхё', 'Пё']],
  ['명', 30, ['Myung', 'Myeong'], 'Myŏng', ['Мён']],
  ['기', 25, ['Ki', 'Gi'], 'Ki', ['Ки']],
  ['반', 25, ['Ban', 'Pan'], 'Pan', ['Пан', 'Бан']],
  ['왕', 25, ['Wang'], 'Wang', ['Ван']],
  ['금', 20, ['Keum', 'Kum', 'Geum'], 'Kŭm', ['Кым']],
  ['옥', 20, ['Ok'], 'Ok', ['Ок']],
  ['육', 20, ['Yook', 'Yuk'], 'Yuk', ['Юк']],
  ['인', 20, ['In'], 'In', ['Ин']],
  ['맹', 20, ['Maeng'], 'Maeng', ['Мэн']],
  ['제', 20, ['Je', 'Jae'], 'Che', ['Че', 'Дже']],
  ['모', 20, ['Mo'], 'Mo', ['Мо']],
  ['탁', 20, ['Tak', 'Tahk'], 'T’ak', ['Тхак', 'Так']],
  ['국', 20, ['Kook', 'Guk'], 'Kuk', ['Кук']],
  // Two-syllable family names (ROK census: 남궁 ≈ 20 k, 황보 ≈ 10 k, the others a few thousand).
  ['남궁', 20, ['Namgoong', 'Namgung'], 'Namgung', ['Намгун', 'Намгунг']],
  ['황보', 10, ['Hwangbo'], 'Hwangbo', ['Хванбо']],
  ['제갈', 5, ['Jegal', 'Chegal'], 'Chegal', ['Чегаль']],
  ['사공', 4, ['Sagong'], 'Sagong', ['Сагон']],
  ['선우', 3, ['Sunwoo', 'Seonu'], 'Sŏnu', ['Сону']],
  ['독고', 2, ['Dokgo', 'Tokko'], 'Tokko', ['Токко']],
  ['서문', 2, ['Seomun', 'Suhmoon'], 'Sŏmun', ['Сомун']],
  ['동방', 1, ['Dongbang'], 'Tongbang', ['Тонбан']],
];

/** Every family name in the table, in the order above (by frequency, compound names last). */
export const SURNAMES: readonly Surname[] = ROWS.map(([hangul, thousands, latin, mr, cyrillic]) => ({
  hangul,
  thousands,
  latin,
  mr,
  cyrillic,
}));

const BY_HANGUL = new Map(SURNAMES.map((s) => [s.hangul, s]));

/** The table row for a family name written in Hangul, if it is there. */
export const lookupSurname = (hangul: string): Surname | undefined => BY_HANGUL.get(hangul);

/** Two-syllable family names, which {@link splitKoreanName} recognises. */
export const COMPOUND_SURNAMES: readonly string[] = SURNAMES.filter((s) => s.hangul.length === 2).map(
  (s) => s.hangul,
);
