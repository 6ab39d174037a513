import { categoryByCode, REQUEST_CATEGORIES } from '@app/reference-data';
import type { CreateServiceRequestDto } from './open311.dto';
import { areaInAddress, asOpen311Problem, open311Item, open311Services } from './open311-mapping';

const request = (patch: Partial<CreateServiceRequestDto> = {}): CreateServiceRequestDto => ({
  api_key: 'k',
  service_code: 'theft',
  description: '电动车被盗',
  ...patch,
});

describe('Open311 mapping', () => {
  it('offers every request category as a service with unique codes', () => {
    const services = open311Services();
    expect(services).toHaveLength(REQUEST_CATEGORIES.length);
    expect(new Set(services.map((s) => s.service_code)).size).toBe(services.length);
  });

  it('finds the area named in an address, by full or short name', () => {
    expect(areaInAddress('山东省德州市德城区新湖街道')).toBe('德城区');
    expect(areaInAddress('禹城市中街道')).toBe('禹城市');
    expect(areaInAddress('北京市海淀区')).toBeUndefined();
  });

  it('builds an item: category as title prefix and request type, Chinese name order, area code from jurisdiction', () => {
    const item = open311Item(
      request({
        jurisdiction_id: '371402',
        first_name: '三',
        last_name: '张',
        phone: '13800138000',
        lat: 37.4,
      }),
      categoryByCode('theft')!,
    );
    expect(item).toMatchObject({
      title: '盗窃：电动车被盗',
      requestType: 'help',
      category: '盗窃',
      location: { areaCode: '371402', lat: 37.4 },
      citizen: { name: '张三', mobile: '13800138000', anonymous: false },
    });
  });

  it('keeps a nameless report anonymous, but not a nameless request of another kind', () => {
    expect(open311Item(request({ service_code: 'fraud' }), categoryByCode('fraud')!).citizen.anonymous).toBe(
      true,
    );
    expect(open311Item(request(), categoryByCode('theft')!).citizen.anonymous).toBe(false);
  });

  it('bounds the title at 100 characters', () => {
    const item = open311Item(request({ description: '长'.repeat(300) }), categoryByCode('theft')!);
    expect(item.title).toHaveLength(100);
  });

  it('names Open311 fields in problems', () => {
    expect(
      asOpen311Problem({
        field: 'citizen.mobile',
        rule: 'requiredUnlessAnonymous',
        message: 'citizen.mobile 为必填项',
        messageEn: 'citizen.mobile is required',
      }),
    ).toEqual({
      field: 'phone',
      rule: 'requiredUnlessAnonymous',
      message: 'phone 为必填项',
      messageEn: 'phone is required',
    });
  });
});
