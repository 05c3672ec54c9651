import type { Lang } from '../i18n/i18n-context.js';

/**
 * What a colleague did, as the "changed by …" note says it: a call of the studio's contract
 * (`tariffs.edit`) in words of the UI's language, or what the server did for them (a scenario run
 * that finished). A call not listed shows its own name.
 */
export const LIVE_ACTIONS: Readonly<Record<string, { ja: string; en: string }>> = {
  'tariffs.createDraft': { ja: '料金表の下書きを作成', en: 'created a tariff draft' },
  'tariffs.edit': { ja: '料金表の下書きを編集', en: 'edited a tariff draft' },
  'tariffs.rowOps': { ja: '料金表の行を追加・削除', en: 'added or deleted tariff rows' },
  'tariffs.discardDraft': { ja: '料金表の下書きを破棄', en: 'discarded a tariff draft' },
  'workbook.applyImport': { ja: 'Excel から料金表を取り込み', en: 'imported a tariff workbook' },
  'workbook.applyIntoDraft': { ja: 'Excel を料金表の下書きに取り込み', en: 'imported a workbook into a tariff draft' },
  'tariffs.restoreContent': { ja: '下書きへの Excel 取り込みを元に戻した・やり直した', en: 'undid or redid a workbook import into a tariff draft' },
  'lifecycle.submitTariff': { ja: '料金表をレビューに提出', en: 'submitted a tariff version for review' },
  'lifecycle.withdrawTariff': { ja: '料金表を下書きに戻した', en: 'sent a tariff version back to draft' },
  'lifecycle.requestTariffChanges': { ja: '料金表の変更を依頼して差し戻した', en: 'requested changes to a tariff version and sent it back to draft' },
  'lifecycle.approveTariff': { ja: '料金表を承認', en: 'approved a tariff version' },
  'lifecycle.restore': { ja: '以前の版を下書きとして復元', en: 'restored an earlier version as a draft' },
  'rules.createDraft': { ja: 'ルールの下書きを作成', en: 'created a rule draft' },
  'rules.saveRule': { ja: 'ルールを保存', en: 'saved a rule' },
  'rules.setInterpretation': { ja: '名前付きの解釈を切り替え', en: 'switched an interpretation' },
  'rules.discardDraft': { ja: 'ルールの下書きを破棄', en: 'discarded a rule draft' },
  'rules.submit': { ja: 'ルールをレビューに提出', en: 'submitted a rule version for review' },
  'rules.withdraw': { ja: 'ルールを下書きに戻した', en: 'sent a rule version back to draft' },
  'rules.requestChanges': { ja: 'ルールの変更を依頼して差し戻した', en: 'requested changes to a rule version and sent it back to draft' },
  'rules.approve': { ja: 'ルールを承認', en: 'approved a rule version' },
  'rules.setCaseFolders': { ja: '回帰テストのフォルダを変更', en: 'changed the regression folders' },
  'rules.publishRelease': { ja: 'リリースを発行', en: 'published a release' },
  'authoring.addRule': { ja: 'ルールを追加', en: 'added a rule' },
  'authoring.deleteRule': { ja: 'ルールを削除', en: 'deleted a rule' },
  'authoring.moveRule': { ja: 'ルールの順序を変更', en: 'moved a rule' },
  'authoring.setParameter': { ja: 'ルールのパラメータを変更', en: 'changed a rule parameter' },
  'authoring.editInterpretation': { ja: '名前付きの解釈を編集', en: 'edited an interpretation' },
  'explorer.saveCase': { ja: 'ケースファイルを保存', en: 'saved a case file' },
  'scenarios.save': { ja: 'シナリオを保存', en: 'saved a scenario' },
  'scenarios.run': { ja: 'シナリオを実行', en: 'ran a scenario' },
  'scenarios.delete': { ja: 'シナリオを削除', en: 'deleted a scenario' },
  'team.addUser': { ja: 'ユーザーを追加', en: 'added a user' },
  'team.setUserDisabled': { ja: 'ユーザーを無効・有効に変更', en: 'disabled or enabled a user' },
  'team.setUserRole': { ja: 'ユーザーの役割を変更', en: 'changed a role' },
  'team.resetPassword': { ja: 'パスワードを再設定', en: 'reset a password' },
};

/** What the team server tells the pages of itself, not as the answer of a call: a scenario run someone started finished and its result was saved (server/team-mode.ts). */
export const SERVER_ACTIONS: Readonly<Record<string, { ja: string; en: string }>> = {
  'scenarios.runFinished': { ja: 'シナリオの実行を終えて結果を保存', en: 'finished a scenario run and saved its result' },
};

export const liveAction = (call: string, lang: Lang): string => LIVE_ACTIONS[call]?.[lang] ?? SERVER_ACTIONS[call]?.[lang] ?? call;
