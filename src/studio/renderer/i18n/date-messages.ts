/** The words of the date and month fields (ui/date-field.tsx), Japanese and English. */
export const dateJa = {
  'date.pick': 'カレンダーから選ぶ',
  'date.DATE_REQUIRED': '日付を {pattern} の形で入力してください（例: {example}）。',
  'date.DATE_FORMAT': '「{text}」は日付として読めません。{pattern} の形で入力してください（例: {example}）。',
  'date.DATE_INCOMPLETE': '「{text}」は途中までです。{pattern} の形で入力してください（例: {example}）。',
  'date.DATE_MONTH': '「{text}」: 月は 01〜12 です。',
  'date.DATE_DAY': '「{text}」: {year}年{month}月は {days} 日までです。',
} as const;

export const dateEn: Record<keyof typeof dateJa, string> = {
  'date.pick': 'Pick from a calendar',
  'date.DATE_REQUIRED': 'Enter a date as {pattern} (e.g. {example}).',
  'date.DATE_FORMAT': '"{text}" is not a date. Enter it as {pattern} (e.g. {example}).',
  'date.DATE_INCOMPLETE': '"{text}" is not complete. Enter it as {pattern} (e.g. {example}).',
  'date.DATE_MONTH': '"{text}": the month is 01 to 12.',
  'date.DATE_DAY': '"{text}": {year}-{mm} has {days} days.',
};
