import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly, type StaffPrincipal } from '@app/auth';
import { AuditRead } from '@app/audit';
import { GetItemStatusUseCase } from './get-item-status.use-case';
import { ItemDetailDto, ItemSummaryDto } from './item.dto';
import { OpenByCitizenQueryDto } from './open-by-citizen-query.dto';
import { OpenItemsByCitizenUseCase } from './open-items-by-citizen.use-case';

@ApiTags('items')
@Controller('api/v1/items')
export class ItemsController {
  constructor(
    private readonly getItemStatus: GetItemStatusUseCase,
    private readonly openByCitizen: OpenItemsByCitizenUseCase,
  ) {}

  // Static paths first: Express matches routes in registration order.
  @Get('open-by-citizen')
  @AuditRead('citizen')
  @StaffOnly('clerk', 'committee')
  @ApiOperation({ summary: '该手机号的未办结诉求（窗口重复受理提醒）' })
  @ApiResponse({ status: 200, type: [ItemSummaryDto] })
  openItems(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: OpenByCitizenQueryDto,
  ): Promise<ItemSummaryDto[]> {
    return this.openByCitizen.execute(staff, query.mobile);
  }

  @Get('by-id/:itemId')
  @AuditRead('item', 'itemId')
  @StaffOnly('clerk', 'worker', 'supervisor', 'committee', 'admin')
  @ApiResponse({ status: 200, type: ItemDetailDto })
  @ApiResponse({ status: 404, description: 'ITEM.NOT_FOUND' })
  byId(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('itemId', ParseUUIDPipe) itemId: string,
  ): Promise<ItemDetailDto> {
    return this.getItemStatus.execute(staff, { itemId });
  }

  /** An item's current status, agency, deadlines and timeline. */
  @Get(':receiptNo')
  @StaffOnly('clerk', 'worker', 'supervisor', 'committee', 'admin')
  @AuditRead('item', 'receiptNo')
  @ApiResponse({ status: 200, type: ItemDetailDto })
  @ApiResponse({ status: 404, description: 'ITEM.NOT_FOUND' })
  get(@CurrentStaff() staff: StaffPrincipal, @Param('receiptNo') receiptNo: string): Promise<ItemDetailDto> {
    return this.getItemStatus.execute(staff, { receiptNo });
  }
}
