import { currentSession, saveSession, type Session } from './session';

export type Service = 'intake' | 'router' | 'tracking';

export interface ErrorDetail {
  field: string;
  rule?: string;
  message: string;
  messageEn?: string;
}

/** An error answer of the services, in their one error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }

  /** Field messages keyed by field path (`citizen.mobile`), for display next to the fields. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      // Messages may start with the field path ("citizen.mobile 不是…"); next to the field it is noise.
      if (d.field && !out[d.field]) out[d.field] = d.message.replace(`${d.field} `, '');
    }
    return out;
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Public endpoints are called without the staff token. */
  anonymous?: boolean;
}

/** Every call goes to this origin's proxy: `/svc/<service>/api/…`. */
export function serviceUrl(service: Service, path: string): string {
  return `/svc/${service}${path}`;
}

/** JSON call to a service; refreshes an expired access token once, and throws ApiError on error answers. */
export async function api<T>(service: Service, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(service, path, options, currentSession());
  if (response.status === 401 && !options.anonymous) {
    const renewed = await refreshSession();
    if (renewed) response = await send(service, path, options, renewed);
    else saveSession(null);
  }
  const text = await response.text();
  const data: unknown = text ? parseJson(text) : undefined;
  if (!response.ok) throw toApiError(response.status, data);
  return data as T;
}

/** A file download that needs the staff token (ledger exports): fetched, then saved through a blob link. */
export async function download(service: Service, path: string, filename: string): Promise<void> {
  const response = await send(service, path, { method: 'GET' }, currentSession());
  if (!response.ok) throw toApiError(response.status, parseJson(await response.text()));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

function send(service: Service, path: string, options: RequestOptions, session: Session | null) {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (session && !options.anonymous) headers.authorization = `Bearer ${session.accessToken}`;
  return fetch(serviceUrl(service, path), {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

let refreshing: Promise<Session | null> | null = null;

async function refreshSession(): Promise<Session | null> {
  const session = currentSession();
  if (!session?.refreshToken) return null;
  refreshing ??= (async () => {
    try {
      const res = await fetch(serviceUrl('tracking', '/api/v1/auth/refresh'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (!res.ok) return null;
      const body = (await res.json()) as { accessToken: string; refreshToken?: string };
      const renewed: Session = {
        accessToken: body.accessToken,
        refreshToken: body.refreshToken ?? session.refreshToken,
        user: session.user,
      };
      saveSession(renewed);
      return renewed;
    } catch {
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, data: unknown): ApiError {
  const error = (data as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined)
    ?.error;
  return new ApiError(
    status,
    error?.code ?? `HTTP.${status}`,
    error?.message ?? (status >= 500 ? '服务暂不可用，请稍后再试' : `请求失败（${status}）`),
    error?.details ?? [],
  );
}

/** A message for the user from anything thrown by a call. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '网络异常，请检查连接后重试';
}

/** Lists may come bare or wrapped (`{ items: [...] }`, paged); the UI accepts both. */
export function listOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === 'object') {
    for (const key of ['items', 'data', 'rows', 'results']) {
      const value = (data as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value as T[];
    }
  }
  return [];
}
