import { useEffect, useRef, useState } from 'react';
import { api, serviceUrl } from './client';
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
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!token) return undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const source = new EventSource(
      serviceUrl('tracking', `/api/v1/events/stream?access_token=${encodeURIComponent(token)}`),
    );
    const deliver = (message: MessageEvent<string>) => {
      let parsed: LiveEvent;
      try {
        parsed = JSON.parse(message.data) as LiveEvent;
      } catch {
        return; // keep-alive comments and malformed lines carry nothing for the UI
      }
      handler.current({ ...parsed, type: parsed.type ?? message.type });
    };
    source.addEventListener('message', deliver);
    for (const type of LIVE_EVENT_TYPES) source.addEventListener(type, deliver);
    // A refused stream (expired token) is closed for good; any API call renews the token, which
    // re-subscribes through the new token, and the retry covers a service that was briefly down.
    source.addEventListener('error', () => {
      if (source.readyState !== EventSource.CLOSED) return;
      void api('tracking', '/api/v1/auth/me').catch(() => undefined);
      retry = setTimeout(() => setAttempt((n) => n + 1), 5000);
    });
    return () => {
      clearTimeout(retry);
      source.close();
    };
  }, [token, attempt]);
}

/** Named SSE event types the stream may use besides plain `message`. */
const LIVE_EVENT_TYPES = ['item', 'offer', 'status', 'ItemOffered', 'ItemStatusChanged'];
