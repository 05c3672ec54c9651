/**
 * What a workspace keeps about a version besides its data: where it lived in the folders and
 * the text of its files as they were read, so an unchanged version is written back byte for
 * byte (and a changed one value for value).
 */
export type TariffMeta = {
  dir?: string;
  note?: string;
  author?: string;
  approvedBy?: string;
  /** The `source` line of each file (別紙3表1（コース別料金表） …), by file name. */
  sources?: Record<string, string>;
  /** The files' text as read, by file name. */
  originals?: Record<string, string>;
};

export type RuleMeta = {
  dir?: string;
  author?: string;
  approvedBy?: string;
  note?: string;
  interpretationsDescription?: string;
  originals?: Record<string, string>;
};

/** The index.json of a folder: its description and its text as read. */
export type IndexMeta = { description?: string; original?: string };
