/** Agencies a TipDM reply can name as the handling unit. */
export type ReplyAgency = 'police' | 'court' | 'justice' | 'procuratorate';
export type ReplyLabel = ReplyAgency | 'out_of_scope' | 'ambiguous';

const PATTERNS: Record<ReplyAgency, RegExp> = {
  police: /派出所|公安|交警|交通警察|民警|警察|刑警|治安大队|车管所/g,
  court: /法院/g,
  justice: /司法局|司法厅|司法所|法律援助|公证处|公证/g,
  procuratorate: /检察院/g,
};

/**
 * Advice to go elsewhere ("可向人民法院提起诉讼", "请拨打110报警", "可申请法律援助") names a unit that did not
 * answer the message; such clauses are removed before looking for the handling unit.
 */
const ADVICE =
  /(可|可以|建议|请|应|应当|需|需要|自行|依法)[^，。；！]{0,8}(向|到|去|通过|拨打|申请)[^，。；！]{0,20}(法院|公安|派出所|报警|110|司法局|司法厅|司法所|法律援助|公证|检察院|诉讼|起诉|仲裁)[^，。；！]*/g;

/**
 * A report made to an agency by someone else ("物业已向派出所报案") names where that person turned, not who
 * answered the message; removed like advice.
 */
const REPORTED_TO = /向[^，。；！]{0,12}(派出所|公安|警方|交警)[^，。；！]{0,4}(报案|报警|举报|求助)/g;

/**
 * Quoted words ("根据《道路交通安全法》第十七条规定：“…经公安机关交通管理部门登记…”", 关于“业主被殴打，派出所未处理”的
 * 问题) are a law's or the message's, and a document title (《关于…公安部…的通知》) names its issuer; neither says
 * who answered. Blanked out (keeping the positions), so that such a mention alone makes the label ambiguous.
 */
const QUOTED = /“[^“”]*”|《[^《》]*》/g;

/** A unit name followed by one of these is an address ("公安局路段", "法院对面"), not a unit. */
const ADDRESS_AFTER = /^[^，。；！、]{0,4}?(路段|路口|路|街|大道|巷|小区|宿舍|对面|旁边|附近|门口|站)/;

/** What may follow a unit name before a list separator: the rest of the unit's name (市公安局 → 局, 交警 → 大队). */
const UNIT_SUFFIX = '[^，。；！？：、]{0,4}(局|部门|机关|队|所|厅|部|院|办)|局|部门|机关';

/** Strips the literal `\n` sequences, spaces and Excel artefacts the TipDM export keeps. */
export function cleanText(text: string): string {
  return text
    .replace(/\\n|_x000D_/g, ' ')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/**
 * A unit named in a list of units ("联合城管、公安、工商等部门", "市委政法委、市信访局、市公安局") took part with
 * others or was one of several addressees; the list does not say that it answered. The separator 、 must sit
 * right next to the unit name: before it (a short prefix such as 市 or 区 between) or after it (a short unit
 * suffix such as 部门 or 大队 between). A 、 after a number ("5、") numbers a step and is not a list.
 */
function inList(text: string, start: number, end: number): boolean {
  const before = /(^|[^0-9一二三四五六七八九十）)])、[^，。；！？：、]{0,4}$/.test(
    text.slice(Math.max(0, start - 6), start),
  );
  const after = new RegExp(`^(${UNIT_SUFFIX})?、`).test(text.slice(end, end + 8));
  return before || after;
}

/** The agency mentions that can say who answered: not in a list of units and not part of an address. */
function countedMentions(text: string, pattern: RegExp): number[] {
  const positions: number[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (inList(text, start, end) || ADDRESS_AFTER.test(text.slice(end))) continue;
    positions.push(start);
  }
  return positions;
}

/**
 * Labels a message from the official reply: the agency that answered it. A reply names the handling unit in its
 * opening ("经A2区公安分局核实…", "M5市公安局：") or its signature, or keeps coming back to it; an agency
 * mentioned only in passing ("加强与公安部门配合") did not handle the message. So an agency counts when it is
 * named in the first 120 characters, in the last 40 (after the date), or at least three times. Mentions that do not name the answering unit are not counted: advice to turn to it ("可向人民法院起诉"),
 * a report someone else made to it ("物业已向派出所报案"), a unit in a list of units ("联合城管、公安、工商"), a
 * unit name that is part of an address ("公安局路段"). Several agencies → the most often named. Only passing or
 * uncounted mentions → `ambiguous` (left out of the evaluation set, counted in its report). No mention →
 * `out_of_scope`: another department answered.
 */
export function labelFromReply(reply: string): ReplyLabel {
  const unquoted = cleanText(reply).replace(/\s/g, '').replace(ADVICE, '').replace(REPORTED_TO, '');
  const text = unquoted.replace(QUOTED, (quote) => '□'.repeat(quote.length));
  const body = text.replace(/[0-9〇零一二三四五六七八九十年月日（）()公章.\-/:：]+$/, '');
  const tailStart = body.length - 40;
  let best: { agency: ReplyAgency; count: number } | undefined;
  let mentioned = false;
  for (const agency of Object.keys(PATTERNS) as ReplyAgency[]) {
    if (unquoted.search(PATTERNS[agency]) < 0) continue;
    mentioned = true;
    const positions = countedMentions(text, PATTERNS[agency]);
    const count = positions.length;
    const strong = positions.some((p) => p < 120 || (p >= tailStart && p < body.length)) || count >= 3;
    if (strong && (!best || count > best.count)) best = { agency, count };
  }
  if (best) return best.agency;
  return mentioned ? 'ambiguous' : 'out_of_scope';
}
