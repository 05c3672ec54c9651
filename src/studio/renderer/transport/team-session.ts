/**
 * What the HTTP transport knows of a team server's session: the CSRF token to send with every
 * call (the session cookie itself is HttpOnly, the page never sees it), and whom to tell when
 * the server answers that the session is gone. Outside a team server both stay null.
 */
export const teamSession: { csrf: string | null; onSignedOut: (() => void) | null } = { csrf: null, onSignedOut: null };
