import { Body, Controller, HttpCode, Post, Query, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentStaff, StaffOnly, type StaffPrincipal } from '@app/auth';
import { correlationIdOf } from '@app/observability';
import { BatchQueryDto } from './batch-query.dto';
import { BatchReportDto } from './batch-report.dto';
import type { BatchFormat } from './batch-rows';
import { ImportBatchUseCase } from './import-batch.use-case';

const FORMATS: Record<string, BatchFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
};

@ApiTags('batch')
@Controller('api/v1/batch')
export class BatchController {
  constructor(private readonly importBatch: ImportBatchUseCase) {}

  /** Bulk entry of suggestion-box and forum records as CSV or JSON lines; a per-row report comes back. */
  @Post()
  @HttpCode(200)
  @StaffOnly('clerk', 'committee', 'admin')
  @ApiConsumes('text/csv', 'application/x-ndjson')
  @ApiBody({
    description:
      'CSV（表头：externalId/编号, title/标题, description/内容, requestType/类型, category/分类, urgency/紧急程度, ' +
      'areaCode/区县代码, areaName/区县, address/地址, lat/纬度, lng/经度, name/姓名, mobile/手机号, idCard/身份证号, ' +
      'anonymous/匿名）或每行一个 JSON 对象（与窗口受理相同的字段，另加 externalId）',
    schema: { type: 'string' },
  })
  @ApiResponse({ status: 200, type: BatchReportDto, description: '逐条处理结果' })
  @ApiResponse({ status: 415, description: '只接受 text/csv 或 application/x-ndjson' })
  async upload(
    @Body() body: unknown,
    @Query() query: BatchQueryDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<BatchReportDto> {
    const format = FORMATS[(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()];
    if (!format || typeof body !== 'string') throw new UnsupportedMediaTypeException();
    return this.importBatch.execute({
      format,
      text: body,
      source: query.source,
      enteredBy: staff.username,
      correlationId: correlationIdOf(req),
    });
  }
}
