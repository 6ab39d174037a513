import { decideRoute } from './route-decision';

describe('decideRoute', () => {
  it('routes by hotline platform first', () => {
    expect(decideRoute({ title: '咨询', description: '', platform: '12368' }).agency).toBe('court');
  });

  it('routes theft to the police', () => {
    expect(decideRoute({ title: '电动车被盗', description: '小区楼下被偷' }).agency).toBe('police');
  });

  it('sends what it cannot place to the committee with low confidence', () => {
    const decision = decideRoute({ title: '你好', description: '想问问' });
    expect(decision.agency).toBe('committee');
    expect(decision.confidence).toBeLessThan(0.5);
  });
});
