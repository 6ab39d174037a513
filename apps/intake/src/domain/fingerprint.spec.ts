import { fingerprint } from './fingerprint';

describe('fingerprint', () => {
  it('ignores key order and undefined fields but not content', () => {
    const a = fingerprint({ title: '甲', citizen: { name: '张三', mobile: '13800138000' }, x: undefined });
    const b = fingerprint({ citizen: { mobile: '13800138000', name: '张三' }, title: '甲' });
    expect(a).toBe(b);
    expect(fingerprint({ title: '乙', citizen: { name: '张三', mobile: '13800138000' } })).not.toBe(a);
  });
});
