import { Module, type DynamicModule } from '@nestjs/common';
import { AnalyticsClock } from './analytics.clock';
import { AnalyticsConfig } from './analytics.config';
import { AnalyticsProjector } from './analytics.projector';
import { FactsRepository } from './persistence/facts.repository';
import { ReportsRepository } from './persistence/reports.repository';
import { ClosePeriodUseCase, ListClosedPeriodsUseCase } from './stats/close-period.use-case';
import { CreateGovernanceTaskUseCase } from './stats/create-governance-task.use-case';
import { ExportLedgerUseCase } from './stats/export-ledger.use-case';
import { FiguresReader } from './stats/figures.reader';
import { GetEscalationsUseCase } from './stats/get-escalations.use-case';
import { GetOverviewUseCase } from './stats/get-overview.use-case';
import { GetRatesUseCase } from './stats/get-rates.use-case';
import { GetTriageUseCase } from './stats/get-triage.use-case';
import { ListHotSpotsUseCase } from './stats/list-hot-spots.use-case';
import { StatsController } from './stats/stats.controller';

/** Figures, work ledger, repeats and hot spots, over analytics' own fact tables in the tracking schema. */
@Module({})
export class AnalyticsModule {
  static register(config: AnalyticsConfig): DynamicModule {
    return {
      module: AnalyticsModule,
      controllers: [StatsController],
      providers: [
        { provide: AnalyticsConfig, useValue: config },
        AnalyticsClock,
        FactsRepository,
        ReportsRepository,
        AnalyticsProjector,
        FiguresReader,
        GetRatesUseCase,
        GetOverviewUseCase,
        GetTriageUseCase,
        GetEscalationsUseCase,
        ListHotSpotsUseCase,
        CreateGovernanceTaskUseCase,
        ExportLedgerUseCase,
        ClosePeriodUseCase,
        ListClosedPeriodsUseCase,
      ],
      exports: [AnalyticsProjector],
    };
  }
}
