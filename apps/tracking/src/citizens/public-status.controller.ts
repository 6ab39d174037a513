import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '@app/auth';
import { PublicStatusDto, PublicStatusQueryDto } from './public-status.dto';
import { PublicStatusUseCase } from './public-status.use-case';

@ApiTags('public')
@Controller('api/v1/public')
@UseGuards(ThrottlerGuard)
export class PublicStatusController {
  constructor(private readonly publicStatus: PublicStatusUseCase) {}

  @Get('status')
  @Public()
  @ApiOperation({ summary: '群众查询办理进度（受理编号 + 手机号后四位），按 IP 限流' })
  @ApiResponse({ status: 200, type: PublicStatusDto })
  @ApiResponse({ status: 404, description: 'ITEM.NOT_FOUND（编号不存在或手机号不符）' })
  @ApiResponse({ status: 429, description: 'REQUEST.RATE_LIMITED' })
  status(@Query() query: PublicStatusQueryDto): Promise<PublicStatusDto> {
    return this.publicStatus.execute(query.receiptNo, query.phoneLast4);
  }
}
