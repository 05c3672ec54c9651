import type { Issue } from '../../../tariff-model/issue.js';

/**
 * The shape of a workbook gone wrong in Excel (a sheet renamed or deleted, a header deleted or
 * doubled, a value beside the table, a row without its key below it, merged cells, a formula without
 * its value, a row pasted twice)
 * said in Japanese with what to do, from the issue's fields: the sheet, row and column are in the
 * issue list's own columns, so the sentence names only what they do not (the sheet or header
 * concerned, the other row of a pair). Undefined for any other issue.
 */
export function workbookIssueJa(i: Issue): string | undefined {
  switch (i.code) {
    case 'WORKBOOK_SHEET_MISSING':
      return i.sheet === undefined
        ? undefined
        : `シート「${i.sheet}」がありません。シートの名前を変えた場合は「${i.sheet}」に戻し、消した場合は書き出し直してから、もう一度取り込んでください。`;
    case 'WORKBOOK_SHEET_UNKNOWN':
      return i.sheet === undefined
        ? undefined
        : `シート「${i.sheet}」はスタジオが読むシートではないため、取り込まれません。料金表のシートの名前を変えた場合は元の名前に戻してください。要らないシートなら削除してください。`;
    case 'WORKBOOK_COLUMN_MISSING':
      return i.header === undefined ? undefined : `見出し「${i.header}」の列がありません。1 行目に見出しを戻す（または書き出し直す）と取り込めます。`;
    case 'WORKBOOK_COLUMN_UNKNOWN':
      return i.value === undefined || i.expectedJa === undefined
        ? undefined
        : `見出し「${i.value}」はこのシートの列ではないため、このままではその列の値が失われます。見出しを次のいずれかに直すか、列を削除してください: ${i.expectedJa}`;
    case 'WORKBOOK_COLUMN_DUPLICATE':
      return i.header === undefined ? undefined : `見出し「${i.header}」の列が 2 つあります。どちらか一方を残してください。`;
    case 'WORKBOOK_CELL_OUTSIDE_TABLE':
      return i.value === undefined ? undefined : `見出しのない列に「${i.value}」があり、このままでは取り込まれずに失われます。表の中の列に移すか、削除してください。`;
    case 'WORKBOOK_CELL_MERGED':
      return i.value === undefined ? undefined : `セル ${i.value} が結合されています。結合を解除し、それぞれのセルに値を入れてから、もう一度取り込んでください。`;
    case 'WORKBOOK_CELL_FORMULA':
      if (i.value === undefined) return undefined;
      return i.severity === 'error'
        ? `数式（${i.value}）の計算結果がファイルに保存されていません。列をコピーして「値として貼り付け」るか値を入力してから、もう一度取り込んでください。`
        : `数式（${i.value}）は、ファイルに保存された計算結果の値として読みました（数式そのものは取り込まれません）。プレビューで値を確かめてください。`;
    case 'WORKBOOK_ROW_WITHOUT_KEY':
      return i.header === undefined || i.value === undefined
        ? undefined
        : `この行には${i.header}がありませんが、${i.value} が入っています。表の下に書いた合計やメモなら行ごと削除してください。新しい行なら${i.header}とほかの列を入れてください。`;
    case 'WORKBOOK_BASE_UNKNOWN':
      // `expected`: the date of the version the about sheet's id names, when only its 施行日 was rewritten.
      return i.expected !== undefined && i.value
        ? `about シートの施行日が ${i.value} に書き換えられていますが、書き出し元の版の施行日は ${i.expected} です。施行日を ${i.expected} に戻してから、もう一度取り込んでください（新しい下書きの施行日は、取り込むときに選べます）。`
        : `このブックの書き出し元の版${i.value ? `（施行日 ${i.value}）` : ''}は、このワークスペースにありません。このワークスペースで変更したい版を書き出し、そのファイルを編集して取り込んでください。`;
    case 'WORKBOOK_BASE_CHANGED':
      return i.value === undefined
        ? undefined
        : `書き出した後に、書き出し元の版が変更されています（版数 ${i.value}）。その後に変わったセルは、下の変更点に「ブックの値に戻す変更」として表示されます。一つずつ確かめるか、書き出し直したブックで編集し直してください。`;
    case 'DUPLICATE_CODE':
    case 'DUPLICATE_NAME': {
      // On a sheet the other row is the sheet's row; in the grid, the row number the grid shows.
      const other = i.otherRow ?? (i.otherIndex !== undefined ? i.otherIndex + 1 : undefined);
      if (other === undefined || i.value === undefined) return undefined;
      const what = i.header ?? (i.code === 'DUPLICATE_CODE' ? 'コード' : '名前');
      return `「${i.value}」は ${other} 行目でも使われています。${what}はほかの行と重ならない値にしてください（どちらか一方の行を残すか、別の${what}にする）。`;
    }
    default:
      return undefined;
  }
}
