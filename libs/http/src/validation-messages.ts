/**
 * Chinese wording for class-validator rules. The English message comes from class-validator itself; rules
 * missing here fall back to a generic Chinese sentence so no response is ever without Chinese text.
 */
const zh: Record<string, (field: string) => string> = {
  isString: (f) => `${f} 必须是文本`,
  isNotEmpty: (f) => `${f} 不能为空`,
  isDefined: (f) => `${f} 为必填项`,
  maxLength: (f) => `${f} 超出长度上限`,
  minLength: (f) => `${f} 长度不足`,
  isIn: (f) => `${f} 不是允许的取值`,
  isEnum: (f) => `${f} 不是允许的取值`,
  isInt: (f) => `${f} 必须是整数`,
  isNumber: (f) => `${f} 必须是数字`,
  isBoolean: (f) => `${f} 必须是 true 或 false`,
  min: (f) => `${f} 小于允许的最小值`,
  max: (f) => `${f} 大于允许的最大值`,
  isMobilePhone: (f) => `${f} 不是有效的中国大陆手机号`,
  isIdentityCard: (f) => `${f} 不是有效的居民身份证号码（校验位不符）`,
  isUUID: (f) => `${f} 必须是 UUID`,
  isISO8601: (f) => `${f} 必须是 ISO 8601 日期时间`,
  isLatitude: (f) => `${f} 不是有效的纬度`,
  isLongitude: (f) => `${f} 不是有效的经度`,
  whitelistValidation: (f) => `不允许的字段 ${f}`,
  arrayMaxSize: (f) => `${f} 条目过多`,
  arrayMinSize: (f) => `${f} 条目过少`,
  matches: (f) => `${f} 格式不正确`,
  isObject: (f) => `${f} 必须是对象`,
  isArray: (f) => `${f} 必须是数组`,
  nestedValidation: (f) => `${f} 必须是对象`,
};

export function chineseMessage(rule: string, field: string): string {
  return (zh[rule] ?? ((f: string) => `${f} 不符合规则 ${rule}`))(field);
}
