/** Today in Asia/Tokyo (the terms' time zone), as YYYY-MM-DD. */
export const todayInTokyo = (now: number = Date.now()): string => new Date(now + 9 * 3_600_000).toISOString().slice(0, 10);
