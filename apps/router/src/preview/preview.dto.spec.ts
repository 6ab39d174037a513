import { createValidationPipe, type FieldProblem, RequestValidationError } from '@app/http';
import { PreviewRequestDto } from './preview.dto';

const draft = { title: '电动车被盗', description: '昨晚停在小区楼下的电动车被偷了' };

async function problemsOf(body: unknown): Promise<FieldProblem[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: PreviewRequestDto });
    return [];
  } catch (e) {
    if (e instanceof RequestValidationError) return e.problems;
    throw e;
  }
}

describe('PreviewRequestDto location', () => {
  it('takes the area and address', async () => {
    const location = { areaCode: '371402', areaName: '德城区', address: '新湖街道湖滨北路 12 号' };
    expect(await problemsOf({ ...draft, location })).toEqual([]);
  });

  it('keeps the limits of the shared location', async () => {
    expect(await problemsOf({ ...draft, location: { areaCode: '3'.repeat(13) } })).toEqual([
      expect.objectContaining({
        field: 'location.areaCode',
        rule: 'maxLength',
        message: 'location.areaCode 超出长度上限',
      }),
    ]);
  });

  it('refuses coordinates, which the router does not route on', async () => {
    expect(await problemsOf({ ...draft, location: { lat: 37.4, lng: 116.3 } })).toEqual([
      expect.objectContaining({ field: 'location.lat', rule: 'whitelistValidation' }),
      expect.objectContaining({ field: 'location.lng', rule: 'whitelistValidation' }),
    ]);
  });
});
