/**
 * Masking of citizens' personal data for lists, logs and anyone outside the handling unit and the committee.
 * Pure functions; the rule for who sees full data lives with the read models that call them.
 */

/** 张三 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return name ?? null;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 13800138000 → 138****8000. */
export function maskMobile(mobile: string | null | undefined): string | null {
  if (!mobile) return mobile ?? null;
  if (mobile.length < 7) return '*'.repeat(mobile.length);
  return `${mobile.slice(0, 3)}${'*'.repeat(mobile.length - 7)}${mobile.slice(-4)}`;
}

/** 37140219900101123X → 371402********123X. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

export interface CitizenContact {
  name: string | null;
  mobile: string | null;
  idNumber?: string | null;
}

export function maskCitizen<C extends CitizenContact>(citizen: C): C {
  return {
    ...citizen,
    name: maskName(citizen.name),
    mobile: maskMobile(citizen.mobile),
    ...(citizen.idNumber !== undefined ? { idNumber: maskIdNumber(citizen.idNumber) } : {}),
  };
}
