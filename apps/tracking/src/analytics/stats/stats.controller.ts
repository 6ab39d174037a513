import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffOnly, type StaffPrincipal } from '@app/auth';
import { ClosePeriodUseCase, ListClosedPeriodsUseCase } from './close-period.use-case';
import { CreateGovernanceTaskUseCase } from './create-governance-task.use-case';
import { ExportLedgerUseCase } from './export-ledger.use-case';
import { GetEscalationsUseCase } from './get-escalations.use-case';
import { GetOverviewUseCase } from './get-overview.use-case';
import { GetRatesUseCase } from './get-rates.use-case';
import { GetTriageUseCase } from './get-triage.use-case';
import { ListHotSpotsUseCase } from './list-hot-spots.use-case';
import {
  ClosedPeriodDto,
  EscalationsDto,
  GovernanceTaskDto,
  GovernanceTaskRequestDto,
  HotSpotsDto,
  LedgerDto,
  LedgerQueryDto,
  OverviewDto,
  RangeQueryDto,
  RatesDto,
  RatesQueryDto,
  TriageDto,
} from './stats.dto';

/** Figures for the committee and supervisors: rates, overview, triage, hot spots, the work ledger. */
@ApiTags('stats')
@Controller('api/v1/stats')
export class StatsController {
  constructor(
    private readonly rates: GetRatesUseCase,
    private readonly overview: GetOverviewUseCase,
    private readonly triage: GetTriageUseCase,
    private readonly escalations: GetEscalationsUseCase,
    private readonly hotSpots: ListHotSpotsUseCase,
    private readonly governanceTask: CreateGovernanceTaskUseCase,
    private readonly ledger: ExportLedgerUseCase,
    private readonly closePeriod: ClosePeriodUseCase,
    private readonly closedPeriods: ListClosedPeriodsUseCase,
  ) {}

  /** 三率 and more per agency, unit, channel, category, area or period; supervisors see their unit only. */
  @Get('rates')
  @StaffOnly('committee', 'admin', 'supervisor')
  @ApiResponse({ status: 200, type: RatesDto })
  getRates(@CurrentStaff() staff: StaffPrincipal, @Query() query: RatesQueryDto): Promise<RatesDto> {
    return this.rates.execute(staff, query);
  }

  @Get('overview')
  @StaffOnly('committee', 'admin', 'supervisor')
  @ApiResponse({ status: 200, type: OverviewDto })
  getOverview(@CurrentStaff() staff: StaffPrincipal, @Query() query: RangeQueryDto): Promise<OverviewDto> {
    return this.overview.execute(staff, query);
  }

  @Get('triage')
  @StaffOnly('committee', 'admin', 'supervisor')
  @ApiResponse({ status: 200, type: TriageDto })
  getTriage(@CurrentStaff() staff: StaffPrincipal, @Query() query: RangeQueryDto): Promise<TriageDto> {
    return this.triage.execute(staff, query);
  }

  @Get('escalations')
  @StaffOnly('committee', 'admin', 'supervisor')
  @ApiResponse({ status: 200, type: EscalationsDto })
  getEscalations(
    @CurrentStaff() staff: StaffPrincipal,
    @Query() query: RangeQueryDto,
  ): Promise<EscalationsDto> {
    return this.escalations.execute(staff, query);
  }

  @Get('clusters')
  @StaffOnly('committee', 'admin')
  @ApiResponse({ status: 200, type: HotSpotsDto })
  getClusters(@Query() query: RangeQueryDto): Promise<HotSpotsDto> {
    return this.hotSpots.execute(query);
  }

  /** 201 with a new task; 200 with the existing one if the hot spot already has a task. */
  @Post('clusters/:id/governance-task')
  @StaffOnly('committee', 'admin')
  @ApiResponse({ status: 201, type: GovernanceTaskDto })
  @ApiResponse({ status: 404, description: 'CLUSTER.NOT_FOUND' })
  async createGovernanceTask(
    @Param('id') id: string,
    @Body() body: GovernanceTaskRequestDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GovernanceTaskDto> {
    const { task, created } = await this.governanceTask.execute(id, body, staff);
    res.status(created ? 201 : 200);
    return task;
  }

  /** 工作台账: JSON, CSV (UTF-8 with BOM) or XLSX with Chinese headers. */
  @Get('ledger')
  @StaffOnly('committee', 'admin')
  @ApiProduces(
    'application/json',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  @ApiResponse({ status: 200, type: LedgerDto })
  async getLedger(@Query() query: LedgerQueryDto): Promise<LedgerDto | StreamableFile> {
    const result = await this.ledger.execute(query);
    if (result.format === 'json') return result.body;
    return new StreamableFile(result.body, {
      type: result.contentType,
      disposition: result.disposition,
      length: result.body.length,
    });
  }

  @Get('periods')
  @StaffOnly('committee', 'admin')
  @ApiResponse({ status: 200, type: [ClosedPeriodDto] })
  listPeriods(): Promise<ClosedPeriodDto[]> {
    return this.closedPeriods.execute();
  }

  /** Freezes a month (YYYY-MM): later reads of it come from the snapshot. */
  @Post('periods/:period/close')
  @HttpCode(201)
  @StaffOnly('committee', 'admin')
  @ApiResponse({ status: 201, type: ClosedPeriodDto })
  @ApiResponse({ status: 409, description: 'PERIOD.ALREADY_CLOSED' })
  close(@Param('period') period: string, @CurrentStaff() staff: StaffPrincipal): Promise<ClosedPeriodDto> {
    return this.closePeriod.execute(period, staff);
  }
}
