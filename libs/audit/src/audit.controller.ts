import { Controller, Get, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '@app/auth';
import { AuditPageDto, AuditQueryDto } from './audit.dto';
import { QueryAuditLogUseCase } from './query-audit-log.use-case';

@ApiTags('audit')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly queryAuditLog: QueryAuditLogUseCase) {}

  /** This service's audit log (审计日志): personal-data reads, changes and sign-ins, newest first. */
  @Get()
  @StaffOnly('committee', 'admin')
  @ApiResponse({ status: 200, type: AuditPageDto })
  list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.queryAuditLog.execute(query);
  }
}
