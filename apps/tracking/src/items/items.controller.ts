import { Controller, Get, Param } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuditRead } from '@app/audit';
import { StaffOnly } from '@app/auth';
import { ItemStatusDto } from './item-status.dto';
import { GetItemStatusUseCase } from './get-item-status.use-case';

@ApiTags('items')
@Controller('api/v1/items')
export class ItemsController {
  constructor(private readonly getItemStatus: GetItemStatusUseCase) {}

  /** An item's current status, agency and timeline. */
  @Get(':receiptNo')
  @StaffOnly('clerk', 'worker', 'supervisor', 'committee', 'admin')
  @AuditRead('item', 'receiptNo')
  @ApiResponse({ status: 200, type: ItemStatusDto })
  @ApiResponse({ status: 404, description: 'ITEM.NOT_FOUND' })
  get(@Param('receiptNo') receiptNo: string): Promise<ItemStatusDto> {
    return this.getItemStatus.execute(receiptNo);
  }
}
