/** The words of "import a workbook into the open draft" (tariffs page), Japanese and English. */
export const draftImportJa = {
  'di.action': 'この下書きに取り込む',
  'di.actionHint': '編集した Excel ブックを、開いている下書きに取り込みます（新しい下書きは作りません）',
  'di.title': 'Excel をこの下書きに取り込む',
  'di.choose': '編集した .xlsx ファイルを選んでください。ブックの各表で、開いている下書きの表を置き換えます。取り込む前に、いまの下書きとの違いをすべて表示します。',
  'di.into': '取り込み先: 下書き {date} #{id}{title}（版数 {rev}）',
  'di.origin': 'ブックの書き出し元: {date}（{status}） #{id}{rev}{at}',
  'di.originRev': '・版数 {n}',
  'di.originAt': '・書き出し {at}',
  'di.originUnknown': 'ブックの書き出し元（{date} #{id}）は、このワークスペースにありません。',
  'di.fresh': 'このブックは、いまの下書きから書き出されたものです（書き出し後に下書きは変更されていません）。',
  'di.staleHead': '注意: 書き出し後の変更を上書きする可能性があります',
  'di.stale.other-version':
    'このブックは、開いている下書きではなく {date}（{status}） #{id} から書き出されています。ブックと値が違うセルは、下書きで変更したセルも含めて、ブックの値に置き換わります。',
  'di.stale.base-version':
    'このブックは、開いている下書きではなく、その元になった {date}（{status}） #{id} から書き出されています。ブックと値が違うセルは、下書きで変更したセルも含めて、ブックの値に置き換わります。',
  'di.stale.draft-changed': 'このブックを書き出した後に、下書きが変更されています（書き出し時の版数 {then}、現在の版数 {now}）。書き出し後の変更は、ブックの値で上書きされます。',
  'di.stale.unverified':
    'このブックには「内容の指紋」がありません（指紋を記録する前に書き出されたブックです）。書き出し後に下書きが変わったかどうかを確かめられないため、下の変更点をすべて確認してください。',
  'di.stale.unknown-origin': 'このブックの書き出し元は、このワークスペースにありません。下の変更点のとおり、いまの下書きの内容を置き換えます。',
  'di.overwrites': 'うち {n} 件は、下書きで行った変更のうちブックに入っていないものを元に戻します（「上書き」の行）。',
  'di.overwriteMark': '上書き',
  'di.confirm': '変更点を確認しました。ブックの値で下書きを上書きして取り込みます。',
  'di.confirmNeeded': '取り込むには、上の確認にチェックを入れてください。',
  'di.changes': '下書きとの違い {n} 件',
  'di.noChanges': 'いまの下書きとの違いはありません。取り込むものはありません。',
  'di.apply': 'この下書きに取り込む',
  'di.undoNote': '取り込みは 1 回の保存として記録され、「元に戻す」（Ctrl+Z）で取り込み前の状態に戻せます。',
  'di.done': '{file} を下書きに取り込みました（変更 {n} 件）。「元に戻す」で取り消せます。',
} as const;

export const draftImportEn: Record<keyof typeof draftImportJa, string> = {
  'di.action': 'Import into this draft',
  'di.actionHint': 'Apply an edited Excel workbook to the open draft (no new draft is made)',
  'di.title': 'Import a workbook into this draft',
  'di.choose': "Choose an edited .xlsx file. Each of its tables replaces the open draft's; every difference from the draft as it is now is shown before anything is applied.",
  'di.into': 'Into: draft {date} #{id}{title} (revision {rev})',
  'di.origin': 'Exported from: {date} ({status}) #{id}{rev}{at}',
  'di.originRev': ', revision {n}',
  'di.originAt': ', exported {at}',
  'di.originUnknown': 'The version the workbook was exported from ({date} #{id}) is not in this workspace.',
  'di.fresh': 'This workbook was exported from the draft as it is now (the draft has not changed since).',
  'di.staleHead': 'Caution: this may overwrite edits made after the export',
  'di.stale.other-version':
    "This workbook was exported from {date} ({status}) #{id}, not from the open draft. Every cell where the workbook differs, including cells you changed in the draft, takes the workbook's value.",
  'di.stale.base-version':
    "This workbook was exported from {date} ({status}) #{id}, the version the open draft was started from, not from the draft itself. Every cell where the workbook differs, including cells you changed in the draft, takes the workbook's value.",
  'di.stale.draft-changed': "The draft changed after this workbook was exported (revision {then} then, {now} now). Those later edits are overwritten with the workbook's values.",
  'di.stale.unverified':
    'This workbook has no content fingerprint (it was exported before fingerprints were recorded), so the studio cannot tell whether the draft changed since. Check every change below.',
  'di.stale.unknown-origin': 'The version this workbook was exported from is not in this workspace. The changes below replace what the draft holds now.',
  'di.overwrites': '{n} of them {n|undoes|undo} an edit made in the draft that the workbook does not have (rows marked "overwrite").',
  'di.overwriteMark': 'overwrite',
  'di.confirm': "I have checked the changes: overwrite the draft with the workbook's values.",
  'di.confirmNeeded': 'Tick the confirmation above to import.',
  'di.changes': '{n} {n|difference|differences} from the draft',
  'di.noChanges': 'No difference from the draft as it is now: nothing to import.',
  'di.apply': 'Import into this draft',
  'di.undoNote': 'The import is one save: Undo (Ctrl+Z) puts the draft back as it was before it.',
  'di.done': 'Imported {file} into the draft ({n} {n|change|changes}). Undo takes it back.',
};
