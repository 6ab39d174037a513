/** Events produced by tracking (staff actions, deadlines, follow-up). Added as the task desk is built. */
export const trackingEvents = {} as const;
