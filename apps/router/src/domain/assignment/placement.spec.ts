import { chooseTarget, place } from './placement';

describe('place', () => {
  it('finds the area by code, name or address, and the police grid by community', () => {
    expect(place({ areaCode: '371402' }).area?.name).toBe('德城区');
    expect(place({ areaName: '禹城' }).area?.code).toBe('371482');
    const placed = place({ address: '德州市德城区新湖街道湖滨北路12号' });
    expect(placed.area?.short).toBe('dc');
    expect(placed.grid?.id).toBe('grid-dc-1');
    expect(place({ address: '宋官屯街道某小区' }).grid?.officerId).toBe('ga-dc-02');
    expect(place({ address: '不知道哪里' })).toEqual({});
  });
});

describe('chooseTarget', () => {
  const dc = place({ areaCode: '371402', address: '新湖街道' });

  it('routes to the agency unit of the area, police preferring the grid officer', () => {
    expect(chooseTarget({ scores: { police: 5 }, lead: 'police', placement: dc })).toMatchObject({
      kind: 'unit',
      unit: { id: 'ga-dc' },
      preferredWorker: 'ga-dc-01',
    });
    expect(chooseTarget({ scores: { court: 5 }, lead: 'court', placement: dc })).toMatchObject({
      unit: { id: 'fy-dc' },
    });
  });

  it('sends committee items to the city committee whatever the area', () => {
    expect(chooseTarget({ scores: {}, lead: 'committee', placement: {} })).toMatchObject({
      unit: { id: 'zfw-city' },
    });
  });

  it('triages an unknown area', () => {
    expect(chooseTarget({ scores: { police: 5 }, lead: 'police', placement: {} })).toMatchObject({
      kind: 'triage',
      suggestedAgency: 'police',
    });
  });

  it('excludes returning units and agencies, falling back to the next-best agency', () => {
    expect(
      chooseTarget({
        scores: { police: 9, court: 4 },
        lead: 'police',
        placement: dc,
        excludedUnits: ['ga-dc'],
      }),
    ).toMatchObject({ unit: { id: 'fy-dc' } });
    expect(
      chooseTarget({ scores: { police: 9 }, lead: 'police', placement: dc, excludedAgencies: ['police'] }),
    ).toMatchObject({ kind: 'triage' });
  });
});
