/** Shared domain vocabulary: codes are English identifiers, labels are the Chinese terms users see. */
export const Agencies = ['police', 'procuratorate', 'court', 'justice', 'committee', 'out_of_scope'] as const;
export type Agency = (typeof Agencies)[number];
export const AgencyLabels: Record<Agency, string> = {
  police: '公安',
  procuratorate: '检察院',
  court: '法院',
  justice: '司法局',
  committee: '政法委',
  out_of_scope: '转办（非政法事项）',
};

export const Channels = ['window', 'hotline', 'web', 'batch', 'open311'] as const;
export type Channel = (typeof Channels)[number];
export const ChannelLabels: Record<Channel, string> = {
  window: '窗口',
  hotline: '热线',
  web: '网站',
  batch: '批量录入',
  open311: 'Open311 平台',
};

/** Hotline platforms that push items machine-to-machine. */
export const HotlinePlatforms = ['12345', '12368', '12309', '12348', '110'] as const;
export type HotlinePlatform = (typeof HotlinePlatforms)[number];

export const RequestTypes = ['consultation', 'help', 'complaint', 'report', 'suggestion'] as const;
export type RequestType = (typeof RequestTypes)[number];
export const RequestTypeLabels: Record<RequestType, string> = {
  consultation: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
};

export const Urgencies = ['normal', 'urgent'] as const;
export type Urgency = (typeof Urgencies)[number];

/**
 * Where an item is in its life. Main line: received → routed → offered → signed → in_progress → resolved →
 * followed_up → closed. Side states: triage, queued, returned, arbitration, extended, suspended, redo,
 * referred_out. Which moves are legal is tracking's state machine.
 */
export const ItemStatuses = [
  'received',
  'triage',
  'referred_out',
  'routed',
  'queued',
  'offered',
  'signed',
  'in_progress',
  'extended',
  'suspended',
  'returned',
  'arbitration',
  'resolved',
  'followed_up',
  'redo',
  'closed',
] as const;
export type ItemStatus = (typeof ItemStatuses)[number];

export const ItemStatusLabels: Record<ItemStatus, string> = {
  received: '已受理',
  triage: '待分拨',
  referred_out: '已转办',
  routed: '已分拨',
  queued: '待认领',
  offered: '待签收',
  signed: '已签收',
  in_progress: '办理中',
  extended: '已延期',
  suspended: '已挂起',
  returned: '已退单',
  arbitration: '待仲裁',
  resolved: '已办结（待回访）',
  followed_up: '已回访',
  redo: '重办中',
  closed: '已关闭',
};

/** Why a unit sent an item back (退单). */
export const ReturnReasons = ['wrong_area', 'not_our_function', 'incomplete'] as const;
export type ReturnReason = (typeof ReturnReasons)[number];
export const ReturnReasonLabels: Record<ReturnReason, string> = {
  wrong_area: '属地不符',
  not_our_function: '职能不符',
  incomplete: '信息不全',
};

/** The citizen's verdict on a follow-up call (回访). */
export const FollowUpResults = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type FollowUpResult = (typeof FollowUpResults)[number];
export const FollowUpResultLabels: Record<FollowUpResult, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};
