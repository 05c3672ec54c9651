/**
 * The studio's server answers in English (code, message, hint: the same text the CLI and the
 * logs print). For the refusals a daily user meets, the Japanese page also says in Japanese what
 * happened and what to do; the server's own sentence stays beneath it, for the names and dates
 * it carries. A code not listed here shows the server's text alone (as do the refusals whose page
 * already leads with a Japanese sentence: SCENARIO_INVALID, EDIT_INVALID).
 */
export const ERROR_ADVICE_JA: Readonly<Record<string, string>> = {
  FORBIDDEN: 'あなたの役割ではこの操作はできません。何も変更されていません。その役割の担当者に依頼するか、管理者に役割の変更を依頼してください。',
  REVIEWER_IS_EDITOR:
    'レビュアーに入力した名前の人はこのバージョンを編集しているため、承認できません（四つの目の原則）。何も承認されていません。編集していない人が、その人の名前で承認してください。',
  FOUR_EYES: '自分が編集したバージョンは承認できません（四つの目の原則）。編集していない別の担当者に承認を依頼してください。',
  REVIEW_STALE: 'このバージョンは開いた後に変更されました。何も記録されていません（承認も差し戻しもされていません）。再読み込みして内容を確かめてから、もう一度操作してください。',
  DRAFT_CONFLICT: 'この下書きは開いた後にほかの人が変更しました。あなたの変更は保存されていません。再読み込みして、必要ならもう一度入力してください。',
  WORKSPACE_READ_ONLY: 'ワークスペースは読み取り専用で開かれています。何も変更されていません。書き込めるワークスペースで開き直してください。',
  UNAUTHENTICATED: 'サインインしていないか、セッションが切れています。もう一度サインインしてください。',
  SESSION_ENDED: 'セッションが終了した後、このページでほかのユーザーがサインインしたため、この操作は行われていません。自分のユーザーでサインインして、もう一度操作してください。',
  VERSION_DATE_TAKEN:
    'その施行日のバージョンはすでにあります。何も変更されていません。既存のバージョンを開くか、別の施行日にしてください（下書きの施行日は変えられないので、「下書きを作成して編集」で別の施行日の下書きを作ります）。',
  APPROVAL_INCOMPLETE: '承認にはレビュアー名とコメントが必要です。何も承認されていません。両方を入力して、もう一度承認してください。',
  CHANGES_COMMENT_REQUIRED:
    '差し戻すには、直してほしい点をコメントに書く必要があります。何も変更されていません。コメントを書いてから、もう一度「変更を依頼して差し戻す」を押してください。',
  VERSION_NOT_DRAFT: '下書きではないバージョンは変更できません。変更するには下書きを作成してください。',
  VERSION_NOT_IN_REVIEW: 'このバージョンはレビュー中ではありません。ページを再読み込みして、いまの状態を確かめてください。',
  APPROVAL_BLOCKED_BY_CASES: '回帰テストで invalid になるケースがあるため承認できません。回帰テストの結果を確かめ、下書きを直してください。',
  APPROVAL_BLOCKED_BY_UNREADABLE_CASES:
    '読めないケースファイル（またはフォルダ）があり、その分の確認ができていないため承認できません。何も承認していません。ファイルを直すか、そのフォルダをケースフォルダの一覧から外してから承認してください。',
  IMPORT_STALE_UNCONFIRMED:
    'このブックは、いまの下書きから書き出されたものではありません（別のバージョンから書き出されたか、書き出し後に下書きが変更されています）。何も変更されていません。プレビューで上書きされる変更を確かめ、確認にチェックを入れてから取り込んでください。',
  ROW_IN_USE: 'この行はほかの表から参照されているため削除できません。下の一覧の参照元を先に変えてください。',
  RUN_IN_PROGRESS: 'このシナリオは実行中です。終わるのを待つか、キャンセルしてからやり直してください。',
  RUN_TOO_LARGE:
    'この実行は大きすぎるため開始していません（契約数 × 月数 × 実行回数 が上限を超えています）。何も保存していません。契約数・期間（月数）・反復回数・感応度の項目を減らしてください。',
  CASE_FOLDER_TOO_LARGE:
    'このフォルダは大きすぎるため読みませんでした（中のフォルダやファイルが上限を超えています）。何も保存していません。ケースファイルを入れたフォルダだけを指定してください。',
  CASE_FOLDER_OUTSIDE_ROOT: 'そのフォルダはサーバーのケース用フォルダ（cases/）の外にあります。cases/ の中のフォルダを指定してください。',
  PUBLISHER_REQUIRED: '発行者の名前を入力してください。',
  AUDIT_BROKEN: '監査ログがワークスペースの内容を裏付けられないため発行できません。何も発行されていません。管理者に連絡し、バックアップからの復元を相談してください。',
  SERVER_UNREACHABLE:
    'スタジオのサーバーが応答しません。この操作は届いていないので、何も保存されていません。スタジオを起動したターミナル（npm start または tariff studio）がまだ動いているか確かめ、止まっていれば起動し直して、このページを再読み込みしてください。チームのサーバーなら管理者に連絡してください。',
  BAD_RESPONSE: 'スタジオのサーバーから読めない応答が返りました。このページを再読み込みしてください。続くときはサーバーのログを管理者に確かめてもらってください。',
  PAYLOAD_TOO_LARGE: '送信したデータが大きすぎます。ファイルを小さくしてやり直してください。',
  BAD_USER_NAME: 'ユーザー名に使えない文字があります。英字または数字で始め、英数字と . - _ @ だけ（64 文字まで）にしてください。',
  USER_EXISTS:
    'その名前のユーザーはすでにいます。何も変更されていません。別の名前にしてください。その人に新しいパスワードを渡すなら、一覧のその人の行の「パスワードを再設定」を使ってください。',
  PASSWORD_TOO_SHORT: 'パスワードが短すぎます。10 文字以上にしてください。',
  PASSWORD_TOO_LONG: 'パスワードが長すぎます。短くしてください。',
  LAST_ADMIN: '有効な管理者がこの一人だけのため、役割の変更も無効化もできません。先に別のユーザーを管理者にしてください。',
  CANNOT_CHANGE_OWN_ROLE: '自分の役割は変更できません。別の管理者に依頼してください。',
  CANNOT_DISABLE_SELF: '自分自身は無効にできません。別の管理者に依頼してください。',
  // Saving the explorer's case file, and the case folders of 回帰テスト.
  CASE_FILE_NAME: 'ファイル名として使えません。フォルダを含まず、記号（\\ / : * ? " < > |）を使わない名前にしてください（例: dai27jo-my-case.json）。何も保存されていません。',
  CASE_FILE_EXISTS: '同じ名前のファイルがすでにあります。そのファイルはそのままで、何も保存されていません。別のファイル名にしてください。',
  CASE_FOLDER: 'そのパスはフォルダではなくファイルです。何も保存されていません。フォルダを指定してください。',
  CASE_FOLDER_UNWRITABLE:
    'そのフォルダにケースファイルを書き込めません（書き込む権限がない、パスが長すぎる、ディスクがいっぱい など）。何も保存されていません。書き込めるフォルダを、短めのパスで指定してください。',
  CASE_FOLDER_NAME: 'フォルダのパスに使えない文字（制御文字）が含まれています。何も変更されていません。フォルダを選び直すか、パスを入力し直してください。',
  // Authoring rules and parameters.
  RULE_INVALID: 'ルールに誤りがあるため保存していません。一覧の各項目（コードと JSON ポインタつき）を直してから、もう一度保存してください。',
  RULE_ID_INVALID: 'ルールの id に使えない文字があります。英小文字・数字・ハイフンだけにしてください（例: refusal-ground-x）。何も保存されていません。',
  RULE_ID_TAKEN: 'この判定にはその id のルールがすでにあります。別の id にしてください。何も保存されていません。',
  PARAMETER_VALUE: 'パラメータの値が読めません。数（例 14.6）か、二重引用符で囲んだ文字列を入力してください。何も保存されていません。',
  PARAMETER_UNIT: 'このパラメータの単位は、引用する条項の数え方（単位の一覧 parameter-texts.ts）で決まっています。単位はそのままにしてください。何も保存されていません。',
  BAD_DATE: '存在する日付を YYYY-MM-DD で入力してください。',
  APPROVAL_COMPANION_NOT_SUBMITTED:
    '同じ施行日のもう一方（ルールまたは料金表）のバージョンがまだ下書きです。同じ日付のルールと料金表は一つの規約変更として一緒にレビュー・承認します。何も承認していません。その下書きをレビューに提出する（または破棄する）と、もう一度承認できます。',
  VERSION_IN_USE: 'この下書きは、下書きではなくなったバージョンの元になっているため破棄できません。何も変更されていません。',
  SCENARIO_NOT_RUN: 'このシナリオはまだ実行していないため、書き出すものがありません。先に実行してください（ブックには最後の実行結果が入ります）。',
  // A workbook the import cannot read at all (shown in the import's issue list as well as in a banner).
  WORKBOOK_EMPTY: 'ファイルが空です（0 バイト）。Excel で開いて「Excel ブック (.xlsx)」として保存し直し、もう一度取り込んでください。',
  WORKBOOK_UNREADABLE: 'このファイルは Excel ブック（.xlsx）として読めません。Excel で開いて「Excel ブック (.xlsx)」として保存し直し、もう一度取り込んでください。',
  WORKBOOK_TOO_LARGE: 'このファイルは料金表のブックとしては大きすぎるか、壊れています。スタジオから書き出したブックに編集し直して取り込んでください。',
  WORKBOOK_FORMAT: 'このファイルはスタジオが書き出した料金表のブックの形になっていません。「Excel に書き出す」で書き出したブックを編集して取り込んでください。',
};

/**
 * A stale save (DRAFT_CONFLICT) after which the page already shows the draft as it now is (the
 * tariff grid reloads it at once): nothing is left to reload, so the advice says what the table is.
 */
export const DRAFT_CONFLICT_RELOADED_JA = 'あなたの変更は保存されていません。表にはもう相手の変更を読み込んであります（再読み込みは要りません）。';

/**
 * A stale save whose page did not reload (the Rules page): what follows the sentence naming who
 * changed the draft and when (error-banner.tsx), which ERROR_ADVICE_JA's DRAFT_CONFLICT says
 * without a name.
 */
export const DRAFT_CONFLICT_NAMED_JA = 'あなたの変更は保存されていません。「相手の変更を読み込む」で最新にして、必要ならもう一度入力してください。';

/**
 * A submission for review refused as stale (DRAFT_CONFLICT: the draft changed since the page
 * loaded it), on the Rules page and the Tariff page alike: what follows the sentence naming who
 * changed it. The comment typed stays in its field, to submit again once their change is read.
 */
export const STALE_SUBMISSION_JA =
  'レビューには提出されていません。「相手の変更を読み込む」で相手の変更を読み込んで確かめてから、もう一度提出してください（コメントは残っています）。';
/** The calls that submit a version for review (rules and tariffs). */
export const SUBMISSION_CALLS: ReadonlySet<string> = new Set(['rules.submit', 'lifecycle.submitTariff']);

/**
 * Refusals the page makes itself, in the browser mode (http-transport.ts), when the studio's
 * server cannot be reached or answers nothing readable: their English message and hint are the
 * page's own words, not the server's, and carry no name or date. A Japanese page says the
 * Japanese advice instead of them, not above them.
 */
export const PAGE_OWN_CODES: ReadonlySet<string> = new Set(['SERVER_UNREACHABLE', 'BAD_RESPONSE']);

/** An error said in one short text (a panel's line, not a banner): on a Japanese page the advice for its code when there is one, else the error's own message. */
export function errorLine(e: unknown, lang: 'ja' | 'en'): string {
  const code = e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
  const advice = lang === 'ja' && code ? ERROR_ADVICE_JA[code] : undefined;
  if (advice) return code && PAGE_OWN_CODES.has(code) ? advice : `${advice}（${(e as Error).message}）`;
  return e instanceof Error ? e.message : String(e);
}
