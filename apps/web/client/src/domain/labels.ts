import { AgencyLabels, ChannelLabels, ItemStatusLabels, RequestTypeLabels } from '@app/contracts/vocabulary';

const EVENT_LABELS: Record<string, string> = {
  ItemReceived: '受理',
  ItemRouted: '分拨',
  ItemTriaged: '进入人工分拨',
  ItemReferredOut: '转办',
  ItemOffered: '派单待签收',
  OfferExpired: '签收超时',
  ItemQueued: '进入单位待领队列',
  ArbitrationRequested: '提请仲裁',
  ItemSigned: '签收',
  OfferRejected: '拒绝签收',
  ItemReturned: '退单',
  ItemReassigned: '改派',
  ItemResolved: '答复办结',
  ItemClosed: '关闭',
  ItemNoteAdded: '备注',
  CitizenContacted: '联系群众',
  ExtensionRequested: '申请延期',
  ExtensionApproved: '批准延期',
  ItemSuspended: '挂起',
  ItemResumed: '恢复办理',
  DeadlineWarned: '临期预警',
  DeadlineBreached: '已超期',
  ItemEscalated: '督办',
  FollowUpRecorded: '回访',
  RedoOrdered: '重办',
};

const ROLE_LABELS: Record<string, string> = {
  clerk: '窗口受理员',
  worker: '承办人',
  supervisor: '单位负责人',
  committee: '政法委',
  admin: '系统管理员',
};

/** Unknown codes are shown as they come. */
const pick = (labels: Record<string, string>, code: string | null | undefined) =>
  code ? (labels[code] ?? code) : '—';

export const statusLabel = (code: string | null | undefined) => pick(ItemStatusLabels, code);
export const eventLabel = (code: string | null | undefined) => pick(EVENT_LABELS, code);
export const roleLabel = (code: string | null | undefined) => pick(ROLE_LABELS, code);
export const agencyLabel = (code: string | null | undefined) => pick(AgencyLabels, code);
export const channelLabel = (code: string | null | undefined) => pick(ChannelLabels, code);
export const requestTypeLabel = (code: string | null | undefined) => pick(RequestTypeLabels, code);

/** Statuses an item no longer moves out of, for the citizen's progress bar and the desk lists. */
export const FINISHED_STATUSES = ['resolved', 'followed_up', 'closed', 'referred_out'];
