import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type ErrorKind } from '@app/errors';
import { errorBody, type ErrorBody } from './error-body';

/** The single mapping from domain error kinds to HTTP status codes. */
export function statusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid':
      return HttpStatus.BAD_REQUEST;
    case 'unauthorized':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'too_large':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'rate_limited':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}

const HTTP_CODES: Record<number, [string, string, string]> = {
  400: ['REQUEST.INVALID', '请求无效', 'Bad request'],
  401: ['AUTH.UNAUTHORIZED', '未登录或凭证无效', 'Unauthorized'],
  403: ['AUTH.FORBIDDEN', '无权访问', 'Forbidden'],
  404: ['ROUTE.NOT_FOUND', '请求的地址不存在', 'Not found'],
  405: ['ROUTE.METHOD_NOT_ALLOWED', '不支持的请求方法', 'Method not allowed'],
  413: ['REQUEST.TOO_LARGE', '请求内容过大', 'Payload too large'],
  415: ['REQUEST.UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型', 'Unsupported media type'],
  429: ['REQUEST.RATE_LIMITED', '请求过于频繁，请稍后再试', 'Too many requests'],
};

/** PostgreSQL SQLSTATE class 22: data exception (invalid byte sequence, numeric out of range, …). */
function isDataException(exception: unknown): boolean {
  const code = (exception as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return typeof code === 'string' && code.startsWith('22');
}

export function bodyForStatus(status: number): ErrorBody {
  const [code, zh, en] = HTTP_CODES[status] ?? ['INTERNAL.ERROR', '服务器内部错误', 'Internal server error'];
  return errorBody(code, zh, en);
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.toResponse(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(status).json(body);
  }

  private toResponse(exception: unknown): [number, ErrorBody] {
    if (exception instanceof DomainError) {
      const body = errorBody(exception.code, exception.message, exception.messageEn, exception.details);
      return [statusOf(exception.kind), body];
    }
    if (isDataException(exception)) {
      // Input the database refuses as data (bad encoding, out-of-range value): the request's fault, not ours.
      return [
        400,
        errorBody('REQUEST.INVALID_DATA', '请求包含无法处理的数据', 'The request contains unusable data'),
      ];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return [status, bodyForStatus(status)];
    }
    return [500, bodyForStatus(500)];
  }
}
