import { Injectable, type PipeTransform } from '@nestjs/common';
import type { FieldProblem } from './validation.pipe';
import { RequestValidationError } from './validation.pipe';

// C0 controls except tab, newline and carriage return; DEL; lone UTF-16 surrogates (invalid text).
/* eslint-disable no-control-regex -- matching control characters is the point */
const FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/* eslint-enable no-control-regex */

function scan(value: unknown, path: string, out: FieldProblem[]): void {
  if (typeof value === 'string') {
    if (FORBIDDEN.test(value)) {
      out.push({
        field: path || 'value',
        rule: 'noControlCharacters',
        message: `${path || '内容'} 含有不允许的控制字符或无效字符`,
        messageEn: `${path || 'value'} contains control or invalid characters`,
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => scan(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) scan(v, path ? `${path}.${k}` : k, out);
  }
}

/**
 * Text from outside may not carry control characters or broken UTF-16: PostgreSQL rejects NUL bytes, and
 * the rest has no business in a citizen's request. Runs on every body, query and path parameter.
 */
@Injectable()
export class RejectControlCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: { type: string; data?: string }): unknown {
    if (metadata.type === 'custom') return value;
    const problems: FieldProblem[] = [];
    scan(value, metadata.data ?? '', problems);
    if (problems.length > 0) throw new RequestValidationError(problems);
    return value;
  }
}
