import type { ErrorDetail } from '@app/errors';

/** The one error shape every HTTP endpoint returns. `message` is Chinese, `messageEn` English. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    messageEn: string;
    details: (ErrorDetail & { messageEn?: string })[];
  };
}

export function errorBody(
  code: string,
  message: string,
  messageEn: string,
  details: ErrorBody['error']['details'] = [],
): ErrorBody {
  return { error: { code, message, messageEn, details } };
}
