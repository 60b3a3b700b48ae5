import { importForm } from './form-import.ts';
import type { NormalisedForm } from './form-model.ts';
import type { SheetTable } from './form-problems.ts';

/**
 * Kitout's default sizing questionnaire in Russian, Korean and English, written here as the XLSForm rows a
 * person would type, then read through the same importer as any uploaded form — so the shipped
 * `kitout-sizing.xlsx` and this builder can never disagree. Each item (headwear, uniform, footwear) asks
 * "do you know your size?": a known size is given in a chosen system (ids of the sizes module), otherwise the
 * body is measured; plausibility limits come with a message in each language.
 */

type Text = readonly [ru: string, ko: string, en: string];

const LANGS = ['Russian (ru)', 'Korean (ko)', 'English (en)'] as const;

interface Row {
  type: string;
  name?: string;
  label?: Text;
  hint?: Text;
  required?: boolean;
  relevant?: string;
  constraint?: string;
  message?: Text;
  appearance?: string;
}

const same = (text: string): Text => [text, text, text];

const KNOW: Text = ['Я знаю свой размер', '내 치수를 알고 있음', 'I know my size'];
const MEASURE: Text = ['Измерить меня', '측정해 주세요', 'Measure me'];

function known(item: string, label: Text): Row {
  return {
    type: 'select_one know_size',
    name: `${item}_known`,
    label,
    required: true,
    appearance: 'horizontal',
  };
}

function system(item: string, list: string, label: Text): Row {
  return {
    type: `select_one ${list}`,
    name: `${item}_system`,
    label,
    required: true,
    relevant: `\${${item}_known} = 'yes'`,
  };
}

/** A size given in one system: shown only when that system was chosen. */
function sized(item: string, systemId: string, row: Omit<Row, 'relevant' | 'required'>): Row {
  return {
    ...row,
    required: true,
    relevant: `\${${item}_known} = 'yes' and \${${item}_system} = '${systemId}'`,
  };
}

function measured(item: string, row: Omit<Row, 'relevant' | 'required'>): Row {
  return { ...row, required: true, relevant: `\${${item}_known} = 'no'` };
}

const range = (min: number, max: number) => `. >= ${min} and . <= ${max}`;

const SURVEY: Row[] = [
  {
    type: 'note',
    name: 'intro',
    label: [
      'Ответьте на вопросы о размерах головного убора, формы и обуви. Если вы не знаете размер, выберите «Измерить меня» — мерки снимут на пункте выдачи.',
      '모자, 군복, 신발 치수에 관한 질문에 답해 주십시오. 치수를 모르시면 「측정해 주세요」를 선택하십시오. 지급 장소에서 측정해 드립니다.',
      'Please answer the questions about your headwear, uniform and shoe sizes. If you do not know a size, choose “Measure me” and you will be measured at the issue point.',
    ],
  },
  { type: 'begin group', name: 'headwear', label: ['Головной убор', '모자', 'Headwear'] },
  known('head', [
    'Знаете ли вы свой размер головного убора?',
    '모자 치수를 알고 계십니까?',
    'Do you know your hat size?',
  ]),
  system('head', 'hat_system', [
    'В какой системе указан ваш размер?',
    '어떤 치수 체계로 답하시겠습니까?',
    'Which system is your size in?',
  ]),
  sized('head', 'head-cm', {
    type: 'integer',
    name: 'hat_size_cm',
    label: [
      'Размер головного убора (обхват головы, см)',
      '모자 치수 (머리둘레, cm)',
      'Hat size (head girth, cm)',
    ],
    hint: ['Например, 57', '예: 57', 'For example 57'],
    constraint: range(48, 66),
    message: [
      'Размер по обхвату головы — от 48 до 66 см.',
      '머리둘레 치수는 48~66cm 사이여야 합니다.',
      'A head-girth size is between 48 and 66 cm.',
    ],
  }),
  sized('head', 'hat-us', {
    type: 'select_one hat_us',
    name: 'hat_size_us',
    label: ['Размер по системе США', '미국식 모자 치수', 'US hat size'],
  }),
  sized('head', 'hat-uk', {
    type: 'select_one hat_uk',
    name: 'hat_size_uk',
    label: ['Размер по британской системе', '영국식 모자 치수', 'UK hat size'],
  }),
  measured('head', {
    type: 'decimal',
    name: 'head_girth',
    label: ['Обхват головы, см', '머리둘레 (cm)', 'Head girth (cm)'],
    hint: [
      'Сантиметровой лентой по самой широкой части головы, чуть выше бровей и ушей.',
      '줄자로 눈썹과 귀 바로 위, 머리의 가장 넓은 부분을 재십시오.',
      'With a tape around the widest part of the head, just above the eyebrows and ears.',
    ],
    constraint: range(48, 66),
    message: [
      'Обхват головы должен быть от 48 до 66 см. Проверьте измерение.',
      '머리둘레는 48~66cm 사이여야 합니다. 측정값을 확인해 주십시오.',
      'Head girth must be between 48 and 66 cm. Please check the measurement.',
    ],
  }),
  { type: 'end group' },

  { type: 'begin group', name: 'uniform', label: ['Форменная одежда', '군복', 'Uniform'] },
  known('uniform', [
    'Знаете ли вы свой размер формы?',
    '군복 치수를 알고 계십니까?',
    'Do you know your uniform size?',
  ]),
  system('uniform', 'uniform_system', [
    'В какой системе указан ваш размер?',
    '어떤 치수 체계로 답하시겠습니까?',
    'Which system is your size in?',
  ]),
  sized('uniform', 'ru-garment', {
    type: 'text',
    name: 'uniform_size_ru',
    label: [
      'Размер и рост (например, 48-4)',
      '러시아식 치수-키 번호 (예: 48-4)',
      'Russian size and height group (e.g. 48-4)',
    ],
    constraint: "regex(., '^(4[02468]|5[02468]|6[02468]|7[02])-[1-6]$')",
    message: [
      'Укажите размер (чётное число от 40 до 72) и рост (от 1 до 6) через дефис, например 48-4.',
      '치수(40~72의 짝수)와 키 번호(1~6)를 하이픈으로 이어 적으십시오. 예: 48-4',
      'Write the size (an even number from 40 to 72) and the height group (1 to 6) with a hyphen, e.g. 48-4.',
    ],
  }),
  sized('uniform', 'rok-military', {
    type: 'text',
    name: 'uniform_size_rok',
    label: [
      'Размер по обозначению армии Республики Корея (например, 100M170)',
      '국군 피복 호수 (예: 100M170)',
      'ROK military size (e.g. 100M170)',
    ],
    constraint: "regex(., '^[0-9]{2,3}[MF][0-9]{3}$')",
    message: [
      'Обозначение пишется как 100M170: обхват груди, буква M или F, рост.',
      '100M170 형식으로 적으십시오: 가슴둘레, 성별(M 또는 F), 키.',
      'Write it as 100M170: chest, the letter M or F, height.',
    ],
  }),
  sized('uniform', 'kr-top', {
    type: 'select_one kr_top',
    name: 'uniform_size_kr',
    label: ['Корейский размер верха (обхват груди)', '한국 상의 치수 (가슴둘레)', 'Korean top size (chest)'],
  }),
  measured('uniform', {
    type: 'decimal',
    name: 'chest',
    label: ['Обхват груди, см', '가슴둘레 (cm)', 'Chest girth (cm)'],
    hint: [
      'Горизонтально по наиболее выступающим точкам груди, под мышками.',
      '겨드랑이 아래로, 가슴의 가장 나온 부분을 수평으로 재십시오.',
      'Horizontally around the fullest part of the chest, under the arms.',
    ],
    constraint: range(70, 150),
    message: [
      'Обхват груди должен быть от 70 до 150 см.',
      '가슴둘레는 70~150cm 사이여야 합니다.',
      'Chest girth must be between 70 and 150 cm.',
    ],
  }),
  measured('uniform', {
    type: 'decimal',
    name: 'height',
    label: ['Рост, см', '키 (cm)', 'Height (cm)'],
    hint: [
      'Без обуви, стоя прямо у стены.',
      '신발을 벗고 벽에 붙어 똑바로 선 자세로 재십시오.',
      'Without shoes, standing straight against a wall.',
    ],
    constraint: range(140, 210),
    message: [
      'Рост должен быть от 140 до 210 см.',
      '키는 140~210cm 사이여야 합니다.',
      'Height must be between 140 and 210 cm.',
    ],
  }),
  measured('uniform', {
    type: 'decimal',
    name: 'waist',
    label: ['Обхват талии, см', '허리둘레 (cm)', 'Waist girth (cm)'],
    hint: [
      'Горизонтально по самой узкой части талии.',
      '허리의 가장 가는 부분을 수평으로 재십시오.',
      'Horizontally around the narrowest part of the waist.',
    ],
    constraint: range(50, 150),
    message: [
      'Обхват талии должен быть от 50 до 150 см.',
      '허리둘레는 50~150cm 사이여야 합니다.',
      'Waist girth must be between 50 and 150 cm.',
    ],
  }),
  { type: 'end group' },

  { type: 'begin group', name: 'footwear', label: ['Обувь', '신발', 'Footwear'] },
  known('shoe', [
    'Знаете ли вы свой размер обуви?',
    '신발 치수를 알고 계십니까?',
    'Do you know your shoe size?',
  ]),
  system('shoe', 'shoe_system', [
    'В какой системе указан ваш размер?',
    '어떤 치수 체계로 답하시겠습니까?',
    'Which system is your size in?',
  ]),
  sized('shoe', 'kr-shoe', {
    type: 'integer',
    name: 'shoe_size_kr',
    label: [
      'Корейский размер обуви (длина стопы, мм)',
      '신발 치수 (mm)',
      'Korean shoe size (foot length, mm)',
    ],
    constraint: `${range(200, 330)} and . mod 5 = 0`,
    message: [
      'Корейский размер — длина стопы в миллиметрах, от 200 до 330 с шагом 5, например 265.',
      '신발 치수는 200~330mm이며 5mm 단위입니다. 예: 265',
      'A Korean shoe size is the foot length in mm, 200 to 330 in steps of 5, e.g. 265.',
    ],
  }),
  ...(
    [
      [
        'eu-shoe',
        'shoe_size_eu',
        ['Европейский размер обуви', '유럽식 신발 치수', 'European shoe size'],
        33,
        50,
        '42.5',
      ],
      [
        'us-shoe-men',
        'shoe_size_us',
        ['Мужской размер обуви США', '미국 남성 신발 치수', "US men's shoe size"],
        4,
        16,
        '9.5',
      ],
      [
        'uk-shoe',
        'shoe_size_uk',
        ['Британский размер обуви', '영국식 신발 치수', 'UK shoe size'],
        3,
        15,
        '8.5',
      ],
      [
        'ru-shoe',
        'shoe_size_ru',
        ['Российский размер обуви', '러시아식 신발 치수', 'Russian shoe size'],
        33,
        50,
        '42',
      ],
    ] as const
  ).map(([id, name, label, min, max, example]) =>
    sized('shoe', id, {
      type: 'decimal',
      name,
      label,
      constraint: `${range(min, max)} and (. * 2) mod 1 = 0`,
      message: [
        `Размер — от ${min} до ${max}, допускаются половинки (например, ${example}).`,
        `치수는 ${min}~${max} 사이이며 0.5 단위까지 적을 수 있습니다 (예: ${example}).`,
        `The size is between ${min} and ${max}; halves are allowed (e.g. ${example}).`,
      ],
    }),
  ),
  measured('shoe', {
    type: 'integer',
    name: 'foot_length',
    label: ['Длина стопы, мм', '발길이 (mm)', 'Foot length (mm)'],
    hint: [
      'Стоя, от пятки до кончика самого длинного пальца. Измерьте обе стопы и укажите большее значение.',
      '선 자세에서 발뒤꿈치부터 가장 긴 발가락 끝까지 재십시오. 양발을 재어 더 큰 값을 적으십시오.',
      'Standing, from the heel to the tip of the longest toe. Measure both feet and give the larger.',
    ],
    constraint: range(200, 330),
    message: [
      'Длина стопы должна быть от 200 до 330 мм.',
      '발길이는 200~330mm 사이여야 합니다.',
      'Foot length must be between 200 and 330 mm.',
    ],
  }),
  { type: 'end group' },
];

const eighths = (from: number, to: number) => {
  const out: [string, string][] = [];
  for (let e = from; e <= to; e++) {
    const whole = Math.floor(e / 8);
    let num = e % 8;
    let den = 8;
    while (num > 0 && num % 2 === 0) {
      num /= 2;
      den /= 2;
    }
    out.push([String(e / 8), num ? `${whole} ${num}/${den}` : String(whole)]);
  }
  return out;
};

const CHOICES: [list: string, name: string, label: Text][] = [
  ['know_size', 'yes', KNOW],
  ['know_size', 'no', MEASURE],
  [
    'hat_system',
    'head-cm',
    ['Обхват головы в сантиметрах (Россия, Европа)', '머리둘레 cm', 'Head girth in cm (Russia, Europe)'],
  ],
  ['hat_system', 'hat-us', ['Система США (например, 7 1/8)', '미국식 (예: 7 1/8)', 'US (e.g. 7 1/8)']],
  ['hat_system', 'hat-uk', ['Британская система (например, 7)', '영국식 (예: 7)', 'UK (e.g. 7)']],
  ...eighths(52, 64).map(([name, label]): [string, string, Text] => ['hat_us', name, same(label)]),
  ...eighths(51, 63).map(([name, label]): [string, string, Text] => ['hat_uk', name, same(label)]),
  [
    'uniform_system',
    'ru-garment',
    [
      'Российский: размер-рост (например, 48-4)',
      '러시아식: 치수-키 번호 (예: 48-4)',
      'Russian: size-height group (e.g. 48-4)',
    ],
  ],
  [
    'uniform_system',
    'rok-military',
    [
      'Армия Республики Корея (например, 100M170)',
      '국군 피복 호수 (예: 100M170)',
      'ROK military (e.g. 100M170)',
    ],
  ],
  [
    'uniform_system',
    'kr-top',
    ['Корейский размер верха (например, 95)', '한국 상의 치수 (예: 95)', 'Korean top size (e.g. 95)'],
  ],
  ...(
    [
      ['85', 'XS'],
      ['90', 'S'],
      ['95', 'M'],
      ['100', 'L'],
      ['105', 'XL'],
      ['110', 'XXL'],
      ['115', '3XL'],
      ['120', '4XL'],
    ] as const
  ).map(([name, letter]): [string, string, Text] => ['kr_top', name, same(`${name} (${letter})`)]),
  [
    'shoe_system',
    'kr-shoe',
    [
      'Корея: длина стопы в мм (например, 265)',
      '한국: 발길이 mm (예: 265)',
      'Korea: foot length in mm (e.g. 265)',
    ],
  ],
  ['shoe_system', 'eu-shoe', ['Европейский (например, 42)', '유럽식 (예: 42)', 'European (e.g. 42)']],
  ['shoe_system', 'us-shoe-men', ['Мужской США (например, 9)', '미국 남성 (예: 9)', "US men's (e.g. 9)"]],
  ['shoe_system', 'uk-shoe', ['Британский (например, 8)', '영국식 (예: 8)', 'UK (e.g. 8)']],
  ['shoe_system', 'ru-shoe', ['Российский (например, 42)', '러시아식 (예: 42)', 'Russian (e.g. 42)']],
];

const TITLE: Text = ['Анкета размеров обмундирования', '피복 치수 조사표', 'Kit sizing questionnaire'];

/** The default questionnaire as XLSForm sheets, ready to write as `kitout-sizing.xlsx`. */
export function defaultSizingSheets(): SheetTable[] {
  const localised = (base: string) => LANGS.map((l) => `${base}::${l}`);
  const header = [
    'type',
    'name',
    ...localised('label'),
    ...localised('hint'),
    'required',
    'relevant',
    'constraint',
    ...localised('constraint_message'),
    'appearance',
  ];
  const rows = SURVEY.map((r) => [
    r.type,
    r.name ?? '',
    ...(r.label ?? ['', '', '']),
    ...(r.hint ?? ['', '', '']),
    r.required ? 'yes' : '',
    r.relevant ?? '',
    r.constraint ?? '',
    ...(r.message ?? ['', '', '']),
    r.appearance ?? '',
  ]);
  return [
    { name: 'survey', rows: [header, ...rows] },
    {
      name: 'choices',
      rows: [
        ['list_name', 'name', ...localised('label')],
        ...CHOICES.map(([list, name, label]) => [list, name, ...label]),
      ],
    },
    {
      name: 'settings',
      rows: [
        [
          'form_title',
          'form_title::Korean (ko)',
          'form_title::English (en)',
          'form_id',
          'version',
          'default_language',
        ],
        [...TITLE, 'kitout-sizing', '1', 'Russian (ru)'],
      ],
    },
  ];
}

/** The default questionnaire as a normalised form. */
export function buildDefaultSizingForm(): NormalisedForm {
  const result = importForm(defaultSizingSheets());
  if (!result.ok)
    throw new Error(`the built-in sizing form does not import: ${JSON.stringify(result.errors[0])}`);
  return result.value;
}
