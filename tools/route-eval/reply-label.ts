/** Agencies a TipDM reply can name as the handling unit. */
export type ReplyAgency = 'police' | 'court' | 'justice' | 'procuratorate';
export type ReplyLabel = ReplyAgency | 'out_of_scope' | 'ambiguous';

const PATTERNS: Record<ReplyAgency, RegExp> = {
  police: /派出所|公安|交警|交通警察|民警|警察|刑警|治安大队|车管所/g,
  court: /法院/g,
  justice: /司法局|司法所|法律援助|公证处|公证/g,
  procuratorate: /检察院/g,
};

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
 * named in the first 120 characters, in the last 40 (after the date), or at least three times. Several agencies
 * → the most often named. Only passing mentions → `ambiguous` (left out of the evaluation set, counted in its
 * report). No mention → `out_of_scope`: another department answered.
 */
export function labelFromReply(reply: string): ReplyLabel {
  const text = cleanText(reply).replace(/\s/g, '');
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
