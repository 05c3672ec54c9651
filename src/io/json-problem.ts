/**
 * What is wrong with a body JSON.parse refused, without quoting it: V8's message quotes the text
 * around the fault (`Unexpected token 'h', ..."password":hunter2"... is not valid JSON`), and a
 * sign-in or a user call carries a password, a decision request a customer's facts. Used by
 * every HTTP server of the project (the studio's two and `tariff serve`).
 */
export const jsonProblem = (e: unknown): string => {
  const message = e instanceof Error ? e.message : String(e);
  if (/^Unexpected token/u.test(message) || message.includes('"')) return 'an unexpected character (the body is not quoted back: it may hold a password or personal data)';
  return message;
};
