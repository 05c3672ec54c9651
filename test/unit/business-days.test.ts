import { describe, expect, it } from 'vitest';
import { businessDaysFrom, isBusinessDay, nthBusinessDayBefore } from '../../src/engine/business-days.js';

describe('businessDays and noticeDeadline (第22条)', () => {
  it('follows the spec example: desired 2024-05-07 → deadline 2024-04-25', () => {
    expect(nthBusinessDayBefore('2024-05-07', 5)).toBe('2024-04-25');
  });
  it('skips weekends, national holidays (substitute included) and 29 Dec – 3 Jan', () => {
    expect(isBusinessDay('2024-05-06')).toBe(false); // 振替休日
    expect(isBusinessDay('2024-12-27')).toBe(true);
    for (const d of ['2024-12-29', '2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03']) expect(isBusinessDay(d)).toBe(false);
    expect(isBusinessDay('2025-01-06')).toBe(true);
    expect(isBusinessDay('2026-09-22')).toBe(false); // 国民の休日
  });
  it('counts the request day when it is a business day, never the desired day', () => {
    expect(businessDaysFrom('2024-04-25', '2024-05-07')).toBe(5);
    expect(businessDaysFrom('2024-04-26', '2024-05-07')).toBe(4);
  });
});
