import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '@app/auth';
import { canSee } from '../domain/item-access';
import { ItemsRepository } from '../persistence/items.repository';
import { Clock } from '../sla/clock';
import type { ItemSummaryDto } from './item.dto';
import { toItemSummary } from './item-views';

/** Open items of one phone number, for the window's "this citizen already has open items" warning. */
@Injectable()
export class OpenItemsByCitizenUseCase {
  constructor(
    private readonly items: ItemsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: StaffPrincipal, mobile: string): Promise<ItemSummaryDto[]> {
    const now = this.clock.now();
    // The clerk sees that open items exist (masked), whoever entered them; confidential ones stay hidden.
    const visible = (await this.items.openByMobile(mobile)).filter(
      (i) => !i.state.confidential || canSee(actor, i.state),
    );
    return visible.map((i) => toItemSummary(i, actor, now));
  }
}
