/** The words of the tariff grid's block operations (select, copy, paste, fill, clear), Japanese and English. */
export const gridJa = {
  'grid.pasted': '{n} セルを貼り付けました。',
  'grid.filled': '{n} セルに入力しました。',
  'grid.normalised': '{n} セルは書き方を直して読みました: {examples}{more}。',
  'grid.normalisedMore': '、ほか {n} セル',
  'grid.ragged':
    '貼り付けた {row} 行目は {cells} 列で、1 行目（{expected} 列）と列の数が違います。値が違う列に入ってしまうため、何も貼り付けていません。Excel で長方形の範囲をコピーしてから貼り付けてください。',
  'grid.copied': '{rows} 行 × {cols} 列（{n} セル）をコピーしました。Excel にそのまま貼り付けられます。',
  'grid.rangeHelp': 'Shift+矢印・Shift+クリックで範囲選択（# 列は行全体）/ Delete で空欄に',
  'error.cellBlank': '{key} の「{header}」は空欄にできません。{expected}を入力してください。',
  'grid.reapply': '並べ替え・絞り込みをやり直す',
  'grid.reapplyHint': '編集した行は、編集の前の位置のまま表示しています（Excel と同じ）。押すと、いまの値で並べ替え・絞り込みをやり直します。',
} as const;

export const gridEn: Record<keyof typeof gridJa, string> = {
  'grid.pasted': 'Pasted {n} {n|cell|cells}.',
  'grid.filled': 'Filled {n} {n|cell|cells}.',
  'grid.normalised': '{n} {n|cell was|cells were} read in the standard form: {examples}{more}.',
  'grid.normalisedMore': ', and {n} more',
  'grid.ragged':
    'Row {row} of the pasted block has {cells} {cells|cell|cells} where the first row has {expected}: values would land under the wrong headers, so nothing was pasted. Copy a rectangular range in Excel and paste again.',
  'grid.copied': 'Copied {rows} {rows|row|rows} × {cols} {cols|column|columns} ({n} cells), tab-separated: paste it into Excel as is.',
  'grid.rangeHelp': 'Shift+arrows or Shift+click select a block (# takes whole rows) / Delete blanks it',
  'error.cellBlank': '{key}, {header} cannot be blank. Enter {expected}.',
  'grid.reapply': 'Sort and filter again',
  'grid.reapplyHint': 'Edited rows stay where they were before the edit (as in Excel). Press to sort and filter again with the values as they are now.',
};
