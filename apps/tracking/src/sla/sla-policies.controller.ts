import { Body, Controller, Get, HttpCode, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '@app/auth';
import { ListSlaPoliciesUseCase, SetSlaPolicyUseCase } from './sla-policies.use-cases';
import { SlaPolicyDto } from './sla-policy.dto';

@ApiTags('calendar')
@Controller('api/v1/sla/policies')
export class SlaPoliciesController {
  constructor(
    private readonly listPolicies: ListSlaPoliciesUseCase,
    private readonly setPolicy: SetSlaPolicyUseCase,
  ) {}

  @Get()
  @StaffOnly('worker', 'supervisor', 'committee', 'admin')
  @ApiOperation({ summary: '办理时限规则（签收、首次联系、办结）' })
  @ApiResponse({ status: 200, type: [SlaPolicyDto] })
  list(): Promise<SlaPolicyDto[]> {
    return this.listPolicies.execute();
  }

  @Put()
  @HttpCode(204)
  @StaffOnly('admin')
  @ApiOperation({ summary: '设置某类诉求的时限（管理员）' })
  set(@Body() body: SlaPolicyDto): Promise<void> {
    return this.setPolicy.execute(body);
  }
}
