/** Agencies a TipDM reply can name as the handling unit. */
export type ReplyAgency = 'police' | 'court' | 'justice' | 'procuratorate';
export type ReplyLabel = ReplyAgency | 'out_of_scope' | 'ambiguous';

const PATTERNS: Record<ReplyAgency, RegExp> = {
  police: /派出所|公安|交警|交通警察|民警|警察|刑警|治安大队|车管所/g,
  court: /法院/g,
  justice: /司法局|司法所|法律援助|公证处|公证/g,
  procuratorate: /检察院/g,
};

/**
 * Advice to go elsewhere ("可向人民法院提起诉讼", "请拨打110报警", "可申请法律援助") names a unit that did not
 * answer the message; such clauses are removed before looking for the handling unit.
 */
const ADVICE =
  /(可|可以|建议|请|应|应当|需|需要|自行|依法)[^，。；！]{0,8}(向|到|去|通过|拨打|申请)[^，。；！]{0,20}(法院|公安|派出所|报警|110|司法局|司法所|法律援助|公证|检察院|诉讼|起诉|仲裁)[^，。；！]*/g;

/** Strips the literal `\n` sequences, spaces and Excel artefacts the TipDM export keeps. */
export function cleanText(text: string): string {
  return text
    .replace(/\\n|_x000D_/g, ' ')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/**
 * Labels a message from the official reply: the agency that answered it. A reply names the handling unit in its
 * opening ("经A2区公安分局核实…", "M5市公安局：") or its signature, or keeps coming back to it; an agency
 * mentioned only in passing ("加强与公安部门配合") did not handle the message. So an agency counts when it is
 * named in the first 120 characters, in the last 40 (after the date), or at least three times, not counting advice
 * to turn to it ("可向人民法院起诉"). Several agencies
 * → the most often named. Only passing mentions → `ambiguous` (left out of the evaluation set, counted in its
 * report). No mention → `out_of_scope`: another department answered.
 */
export function labelFromReply(reply: string): ReplyLabel {
  const text = cleanText(reply).replace(/\s/g, '').replace(ADVICE, '');
  const head = text.slice(0, 120);
  const tail = text.replace(/[0-9〇零一二三四五六七八九十年月日（）()公章.\-/:：]+$/, '').slice(-40);
  let best: { agency: ReplyAgency; count: number } | undefined;
  let mentioned = false;
  for (const agency of Object.keys(PATTERNS) as ReplyAgency[]) {
    const pattern = PATTERNS[agency];
    const count = text.match(pattern)?.length ?? 0;
    if (count === 0) continue;
    mentioned = true;
    const strong =
      new RegExp(pattern.source).test(head) || new RegExp(pattern.source).test(tail) || count >= 3;
    if (strong && (!best || count > best.count)) best = { agency, count };
  }
  if (best) return best.agency;
  return mentioned ? 'ambiguous' : 'out_of_scope';
}
