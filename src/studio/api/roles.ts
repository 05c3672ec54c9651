/** The roles of a team (issue 12): pm edits tariff drafts, legal edits rule drafts, reviews and approves, finance runs scenarios, admin manages users; everyone reads. */
export const ROLES = ['pm', 'legal', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

/** A logged-in person as the server knows them. */
export type TeamUser = { id: number; name: string; role: Role };
