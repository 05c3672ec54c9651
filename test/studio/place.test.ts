import { describe, expect, it } from 'vitest';
import { placeHash, readPlace } from '../../src/studio/renderer/shell/place.js';

/** The studio's place in the address's hash (shell/place.ts): what a reload or a shared link opens. */
describe('the place in the hash', () => {
  it('reads the page and its selection, and writes them back the same', () => {
    const hash = '#rules?v=3&tab=diff&d=outageWaiver&r=outageWaiver%2Fgross-negligence';
    const place = readPlace(hash);
    expect(place).toEqual({ page: 'rules', params: { v: '3', tab: 'diff', d: 'outageWaiver', r: 'outageWaiver/gross-negligence' } });
    expect(placeHash(place)).toBe(hash);
    expect(placeHash({ page: 'rules', params: { v: '3', tab: 'rules', d: 'approval', r: '' } })).toBe('#rules?v=3&tab=rules&d=approval');
    expect(placeHash({ page: 'explorer', params: {} })).toBe('#explorer');
  });

  it('reads no page from an empty or foreign hash', () => {
    expect(readPlace('')).toEqual({ page: '', params: {} });
    expect(readPlace('#')).toEqual({ page: '', params: {} });
    expect(readPlace('#/some/path?x=1').page).toBe('');
    expect(readPlace('#rules').params).toEqual({});
  });
});
