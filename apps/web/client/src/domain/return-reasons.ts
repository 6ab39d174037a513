/**
 * Return (退单) reason codes of ItemReturned. The contract lives in libs/contracts tracking.events.ts, next to
 * class-validator schemas the browser bundle must not pull in; keep these in step with it.
 */
export const ReturnReasons = ['wrong_area', 'not_our_function', 'incomplete'] as const;
export type ReturnReason = (typeof ReturnReasons)[number];
export const ReturnReasonLabels: Record<ReturnReason, string> = {
  wrong_area: '属地不符',
  not_our_function: '职能不符',
  incomplete: '信息不全',
};
