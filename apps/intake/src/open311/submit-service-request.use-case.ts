import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/errors';
import { categoryByCode } from '@app/reference-data';
import { SubmitItemUseCase, type SubmitItemResult } from '../items/submit-item.use-case';
import type { CreateServiceRequestDto } from './open311.dto';
import { asOpen311Problem, open311Item } from './open311-mapping';

export const unknownService = (code: string) =>
  new DomainError(
    'OPEN311.UNKNOWN_SERVICE',
    'invalid',
    `未知的服务类别 ${code}`,
    `Unknown service_code ${code}`,
    [
      {
        field: 'service_code',
        rule: 'isKnownService',
        message: 'service_code 不是 services.json 中的类别',
        messageEn: 'service_code is not one of services.json',
      },
    ],
  );

/** An Open311 platform's service request becomes an item through the same use case as every channel. */
@Injectable()
export class SubmitServiceRequestUseCase {
  constructor(private readonly submitItem: SubmitItemUseCase) {}

  async execute(
    request: CreateServiceRequestDto,
    platform: string,
    correlationId: string,
    idempotencyKey?: string,
  ): Promise<SubmitItemResult> {
    const category = categoryByCode(request.service_code);
    if (!category) throw unknownService(request.service_code);
    try {
      return await this.submitItem.execute({
        item: open311Item(request, category),
        source: { channel: 'open311', platform },
        // Keys are per platform: two platforms may well use the same key.
        ...(idempotencyKey ? { idempotencyKey: `${platform}:${idempotencyKey}` } : {}),
        correlationId,
      });
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'invalid') {
        throw new DomainError(
          error.code,
          error.kind,
          error.message,
          error.messageEn,
          error.details.map(asOpen311Problem),
        );
      }
      throw error;
    }
  }
}
