/**
 * `n` things with thousands separators, `one` or `many` by the count: "1 change", "0 changes",
 * "2,000 runs". Every count the CLI prints goes through it (never "1 changes" or "case(s)").
 */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
