import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '@app/errors';
import { chineseMessage } from './validation-messages';

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
  messageEn: string;
}

export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    return [
      ...Object.entries(e.constraints ?? {}).map(([rule, messageEn]) => ({
        field,
        rule,
        message: chineseMessage(rule, field),
        messageEn,
      })),
      ...fieldProblems(e.children ?? [], field),
    ];
  });
}

export class RequestValidationError extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super('REQUEST.INVALID', 'invalid', '请求内容不符合要求', 'The request is invalid', problems);
  }
}

/** Global pipe: unknown fields rejected, types converted, every problem reported with field and rule. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(fieldProblems(errors)),
  });
}
