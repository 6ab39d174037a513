import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/errors';
import { categoryByCode } from '@app/reference-data';
import { isValidReceiptNo } from '../domain/receipt-number';
import { ItemsRepository } from '../persistence/items.repository';
import type { Open311ServiceRequestDto, ServiceRequestsQueryDto } from './open311.dto';
import { open311ServiceRequest } from './open311-mapping';
import { unknownService } from './submit-service-request.use-case';

const DAY_MS = 24 * 3600_000;
/** GeoReport v2 defaults: the last 90 days, at most 1000 requests. */
const DEFAULT_SPAN_MS = 90 * DAY_MS;
const MAX_REQUESTS = 1000;

const notFound = () =>
  new DomainError('OPEN311.REQUEST_NOT_FOUND', 'not_found', '未找到该诉求', 'Service request not found');

/**
 * What intake knows of the requests a platform submitted through Open311 (a platform sees only its own):
 * the item as received, and its status as far as routing and tracking events have told intake.
 */
@Injectable()
export class QueryServiceRequestsUseCase {
  constructor(private readonly items: ItemsRepository) {}

  async one(platform: string, receiptNo: string): Promise<Open311ServiceRequestDto[]> {
    if (!isValidReceiptNo(receiptNo)) throw notFound();
    const found = await this.items.listBySender({
      channel: 'open311',
      platform,
      receiptNos: [receiptNo],
      from: new Date(0),
      to: new Date(8.64e15),
      limit: 1,
    });
    if (found.length === 0) throw notFound();
    return found.map(open311ServiceRequest);
  }

  async list(
    platform: string,
    query: ServiceRequestsQueryDto,
    now = new Date(),
  ): Promise<Open311ServiceRequestDto[]> {
    const category = query.service_code ? categoryByCode(query.service_code) : undefined;
    if (query.service_code && !category) throw unknownService(query.service_code);
    const receiptNos = query.service_request_id?.split(',');
    const to = query.end_date ? new Date(query.end_date) : now;
    const from = query.start_date
      ? new Date(query.start_date)
      : receiptNos
        ? new Date(0)
        : new Date(to.getTime() - DEFAULT_SPAN_MS);
    const found = await this.items.listBySender({
      channel: 'open311',
      platform,
      ...(receiptNos ? { receiptNos } : {}),
      ...(category ? { category: category.name } : {}),
      ...(query.status ? { status: query.status } : {}),
      from,
      to,
      limit: MAX_REQUESTS,
    });
    return found.map(open311ServiceRequest);
  }
}
