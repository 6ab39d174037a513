import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '@app/auth';
import { canSee } from '../domain/item-access';
import { ItemsRepository } from '../persistence/items.repository';
import { Clock } from '../sla/clock';
import type { ItemDetailDto } from './item.dto';
import { itemNotFound } from './item-not-found';
import { toItemDetail } from './item-views';

/** An item with its timeline, by receipt number or id, for staff whose scope includes it. */
@Injectable()
export class GetItemStatusUseCase {
  constructor(
    private readonly items: ItemsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: StaffPrincipal,
    ref: { receiptNo: string } | { itemId: string },
  ): Promise<ItemDetailDto> {
    const label = 'receiptNo' in ref ? ref.receiptNo : ref.itemId;
    const item =
      'receiptNo' in ref
        ? await this.items.findByReceiptNo(ref.receiptNo)
        : await this.items.findById(ref.itemId);
    if (!item || !canSee(actor, item.state)) throw itemNotFound(label);
    return toItemDetail(item, await this.items.timelineOf(item.state.itemId), actor, this.clock.now());
  }
}
