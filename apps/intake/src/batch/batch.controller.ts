import {
  Body,
  Controller,
  HttpCode,
  Post,
  Query,
  Req,
  UnsupportedMediaTypeException,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentStaff, StaffOnly, type StaffPrincipal } from '@app/auth';
import { correlationIdOf } from '@app/observability';
import { BatchQueryDto } from './batch-query.dto';
import { BatchReportDto } from './batch-report.dto';
import { decodeUpload, formatOfFile, formatOfMediaType, type UploadedBatchFile } from './batch-upload';
import { ImportBatchUseCase } from './import-batch.use-case';

@ApiTags('batch')
@Controller('api/v1/batch')
export class BatchController {
  constructor(private readonly importBatch: ImportBatchUseCase) {}

  /** Bulk entry of suggestion-box and forum records as CSV or JSON lines; a per-row report comes back. */
  @Post()
  @HttpCode(200)
  @StaffOnly('clerk', 'committee', 'admin')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('text/csv', 'application/x-ndjson', 'multipart/form-data')
  @ApiBody({
    description:
      'CSV（表头：externalId/编号, title/标题, description/内容, requestType/类型, category/分类, urgency/紧急程度, ' +
      'areaCode/区县代码, areaName/区县, address/地址, lat/纬度, lng/经度, name/姓名, mobile/手机号, idCard/身份证号, ' +
      'anonymous/匿名）或每行一个 JSON 对象（与窗口受理相同的字段，另加 externalId）；也可用表单上传文件（字段名 file，' +
      '.csv/.jsonl，UTF-8 或 GBK）',
    schema: { type: 'string' },
  })
  @ApiResponse({ status: 200, type: BatchReportDto, description: '逐条处理结果' })
  @ApiResponse({ status: 415, description: '只接受 CSV 或 JSON lines（请求体或表单文件）' })
  async upload(
    @Body() body: unknown,
    @UploadedFile() file: UploadedBatchFile | undefined,
    @Query() query: BatchQueryDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<BatchReportDto> {
    const upload = file
      ? { format: formatOfFile(file), text: decodeUpload(file.buffer) }
      : { format: formatOfMediaType(req.headers['content-type']), text: body };
    if (!upload.format || typeof upload.text !== 'string') throw new UnsupportedMediaTypeException();
    return this.importBatch.execute({
      format: upload.format,
      text: upload.text,
      source: query.source,
      enteredBy: staff.username,
      correlationId: correlationIdOf(req),
    });
  }
}
