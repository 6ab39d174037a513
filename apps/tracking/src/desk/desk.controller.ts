import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly, type StaffPrincipal } from '@app/auth';
import { ItemPageDto } from '../items/item.dto';
import { DeskQueryDto } from './desk-query.dto';
import { ListDeskItemsUseCase } from './list-desk-items.use-case';

@ApiTags('desk')
@Controller('api/v1/desk')
export class DeskController {
  constructor(private readonly list: ListDeskItemsUseCase) {}

  @Get('offers')
  @StaffOnly('worker')
  @ApiOperation({ summary: '待签收（含签收倒计时）' })
  @ApiResponse({ status: 200, type: ItemPageDto })
  offers(@CurrentStaff() staff: StaffPrincipal, @Query() query: DeskQueryDto): Promise<ItemPageDto> {
    return this.list.execute(staff, 'offers', query);
  }

  @Get('tasks')
  @StaffOnly('worker', 'supervisor')
  @ApiOperation({ summary: '我的在办' })
  @ApiResponse({ status: 200, type: ItemPageDto })
  tasks(@CurrentStaff() staff: StaffPrincipal, @Query() query: DeskQueryDto): Promise<ItemPageDto> {
    return this.list.execute(staff, 'tasks', query);
  }

  @Get('follow-ups')
  @StaffOnly('clerk', 'committee')
  @ApiOperation({ summary: '待回访（已办结）' })
  @ApiResponse({ status: 200, type: ItemPageDto })
  followUps(@CurrentStaff() staff: StaffPrincipal, @Query() query: DeskQueryDto): Promise<ItemPageDto> {
    return this.list.execute(staff, 'follow-ups', query);
  }

  @Get('queue')
  @StaffOnly('worker', 'supervisor', 'committee', 'admin')
  @ApiOperation({ summary: '本单位队列（筛选、排序、分页）' })
  @ApiResponse({ status: 200, type: ItemPageDto })
  queue(@CurrentStaff() staff: StaffPrincipal, @Query() query: DeskQueryDto): Promise<ItemPageDto> {
    return this.list.execute(staff, 'queue', query);
  }
}
