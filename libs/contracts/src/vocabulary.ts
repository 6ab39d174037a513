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
