import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

export const PROXIED_SERVICES = ['intake', 'router', 'tracking'] as const;
export type ProxiedService = (typeof PROXIED_SERVICES)[number];

/** Base URL of each service, e.g. `{ intake: 'http://127.0.0.1:3001', … }`. */
export type Upstreams = Record<ProxiedService, string>;

export interface UpstreamTarget {
  service: ProxiedService;
  /** Absolute URL on the service, query string kept. */
  url: URL;
}

/**
 * Where a browser request under the proxy mount goes: `/intake/api/v1/items?x=1` → intake's
 * `/api/v1/items?x=1`. Unknown services and paths that try to climb out (`..`) get no target.
 */
export function upstreamFor(pathAndQuery: string, upstreams: Upstreams): UpstreamTarget | undefined {
  const match = /^\/([a-z]+)(\/[^?#]*)?(\?[^#]*)?$/.exec(pathAndQuery);
  if (!match) return undefined;
  const service = PROXIED_SERVICES.find((s) => s === match[1]);
  if (!service) return undefined;
  const path = match[2] ?? '/';
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  const url = new URL(`${path}${match[3] ?? ''}`, upstreams[service]);
  return { service, url };
}

/** Connection-level headers that describe one hop and must not be forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/**
 * Request headers for the service: the browser's minus hop-by-hop ones, plus X-Forwarded-*. X-Forwarded-For
 * is replaced by the one client address this server resolved (under its own TRUST_PROXY), so a browser
 * cannot slip a forged address past the services' throttles and audit log.
 */
export function forwardedRequestHeaders(
  incoming: IncomingHttpHeaders,
  client: { ip: string | undefined; host: string | undefined; protocol: string },
): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  delete headers['x-forwarded-for'];
  if (client.ip) headers['x-forwarded-for'] = client.ip;
  if (client.host) headers['x-forwarded-host'] = client.host;
  headers['x-forwarded-proto'] = client.protocol;
  return headers;
}

/** Response headers for the browser: the service's minus hop-by-hop ones. */
export function forwardedResponseHeaders(incoming: IncomingHttpHeaders): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  return headers;
}
