import { maskCitizen, maskIdNumber, maskMobile, maskName } from './masking';

describe('masking', () => {
  it('masks names, mobiles and ID numbers', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskMobile('13800138000')).toBe('138****8000');
    expect(maskIdNumber('37140219900101123X')).toBe('371402********123X');
    expect(maskName(null)).toBeNull();
  });

  it('masks a citizen record, leaving absent fields absent', () => {
    expect(maskCitizen({ name: '李四', mobile: '13900001111' })).toEqual({
      name: '李*',
      mobile: '139****1111',
    });
  });
});
