import {
  Body,
  Controller,
  Get,
  Headers,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, SignedChannel } from '@app/auth';
import { correlationIdOf } from '@app/observability';
import { idempotencyKeyOf } from '../items/receipt';
import { Open311KeyGuard, type Open311Request } from './open311-key.guard';
import {
  CreateServiceRequestDto,
  Open311RequestCreatedDto,
  Open311ServiceDto,
  Open311ServiceRequestDto,
  ServiceRequestQueryDto,
  ServiceRequestsQueryDto,
  ServicesQueryDto,
} from './open311.dto';
import { open311Services } from './open311-mapping';
import { QueryServiceRequestsUseCase } from './query-service-requests.use-case';
import { SubmitServiceRequestUseCase } from './submit-service-request.use-case';

const platformOf = (req: Open311Request): string => req.open311Platform ?? '';

/**
 * Open311 GeoReport v2 (JSON format only), so platforms that speak the standard push and query without custom
 * work. `service_request_id` is our receipt number. Errors keep this API's one error shape.
 */
@ApiTags('open311')
@Controller('open311/v2')
export class Open311Controller {
  constructor(
    private readonly submit: SubmitServiceRequestUseCase,
    private readonly query: QueryServiceRequestsUseCase,
  ) {}

  @Get('services.json')
  @Public()
  @ApiOperation({ summary: 'GeoReport v2 服务列表（诉求类别）' })
  @ApiResponse({ status: 200, type: [Open311ServiceDto] })
  services(@Query() _query: ServicesQueryDto): Open311ServiceDto[] {
    return open311Services();
  }

  @Post('requests.json')
  @SignedChannel('open311')
  @UseGuards(Open311KeyGuard)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ summary: 'GeoReport v2 提交诉求' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '重复提交返回原受理编号（按平台区分）',
  })
  @ApiResponse({ status: 201, type: [Open311RequestCreatedDto] })
  @ApiResponse({ status: 200, type: [Open311RequestCreatedDto], description: '重复提交，返回原受理编号' })
  async create(
    @Body() body: CreateServiceRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() req: Open311Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Open311RequestCreatedDto[]> {
    const result = await this.submit.execute(
      body,
      platformOf(req),
      correlationIdOf(req),
      idempotencyKeyOf(idempotencyKey),
    );
    res.status(result.replay ? HttpStatus.OK : HttpStatus.CREATED);
    return [
      {
        service_request_id: result.receiptNo,
        service_notice: `已受理，受理编号 ${result.receiptNo}`,
        account_id: body.account_id ?? null,
      },
    ];
  }

  @Get('requests.json')
  @SignedChannel('open311')
  @UseGuards(Open311KeyGuard)
  @ApiOperation({ summary: 'GeoReport v2 查询本平台提交的诉求' })
  @ApiResponse({ status: 200, type: [Open311ServiceRequestDto] })
  list(
    @Query() query: ServiceRequestsQueryDto,
    @Req() req: Open311Request,
  ): Promise<Open311ServiceRequestDto[]> {
    return this.query.list(platformOf(req), query);
  }

  @Get('requests/:id.json')
  @SignedChannel('open311')
  @UseGuards(Open311KeyGuard)
  @ApiOperation({ summary: 'GeoReport v2 查询单个诉求' })
  @ApiResponse({ status: 200, type: [Open311ServiceRequestDto] })
  one(
    @Param('id') id: string,
    @Query() _query: ServiceRequestQueryDto,
    @Req() req: Open311Request,
  ): Promise<Open311ServiceRequestDto[]> {
    return this.query.one(platformOf(req), id);
  }
}
