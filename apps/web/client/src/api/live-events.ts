import { useEffect, useRef } from 'react';
import { serviceUrl } from './client';
import { currentSession } from './session';

/** What the tracking event stream pushes for items the signed-in user may see. */
export interface LiveEvent {
  type: string;
  itemId?: string;
  receiptNo?: string;
  status?: string;
}

/**
 * Subscribes to tracking's server-sent events while the component is mounted. EventSource cannot send headers,
 * so the access token travels as `?access_token=`; the browser reconnects by itself after a drop.
 */
export function useLiveEvents(onEvent: (event: LiveEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const token = currentSession()?.accessToken;
  useEffect(() => {
    if (!token) return undefined;
    const source = new EventSource(
      serviceUrl('tracking', `/api/v1/events/stream?access_token=${encodeURIComponent(token)}`),
    );
    const deliver = (message: MessageEvent<string>) => {
      try {
        const parsed = JSON.parse(message.data) as LiveEvent;
        handler.current({ ...parsed, type: parsed.type ?? message.type });
      } catch {
        // keep-alive comments and malformed lines carry nothing for the UI
      }
    };
    source.addEventListener('message', deliver);
    for (const type of LIVE_EVENT_TYPES) source.addEventListener(type, deliver);
    return () => source.close();
  }, [token]);
}

/** Named SSE event types the stream may use besides plain `message`. */
const LIVE_EVENT_TYPES = ['item', 'offer', 'status', 'ItemOffered', 'ItemStatusChanged'];
