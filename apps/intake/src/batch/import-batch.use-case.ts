import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '@app/errors';
import { fieldProblems } from '@app/http';
import { checkItemRules, type RuleProblem } from '../domain/item-rules';
import { IntakeConfig } from '../intake.config';
import { SubmitItemUseCase } from '../items/submit-item.use-case';
import { ExternalItemDto } from '../items/external-item.dto';
import type { BatchReportDto } from './batch-report.dto';
import { parseBatch, type BatchFormat } from './batch-rows';

export interface ImportBatchCommand {
  format: BatchFormat;
  text: string;
  /** The records' source, e.g. `suggestion-box` or `forum`; external ids are unique within it. */
  source?: string;
  enteredBy: string;
  correlationId: string;
}

/**
 * Enters a batch of suggestion-box or forum records (批量录入): each row is validated with the same rules as
 * every channel and submitted on its own, so a bad row never blocks the good ones; a row already entered
 * (same source and external id) reports its original receipt.
 */
@Injectable()
export class ImportBatchUseCase {
  constructor(
    private readonly submitItem: SubmitItemUseCase,
    private readonly config: IntakeConfig,
  ) {}

  async execute(command: ImportBatchCommand): Promise<BatchReportDto> {
    const parsed = parseBatch(command.format, command.text);
    if (!parsed.ok) {
      throw new DomainError(
        'BATCH.INVALID_FILE',
        'invalid',
        '上传文件无法读取',
        'The upload cannot be read',
        parsed.problems,
      );
    }
    if (parsed.rows.length === 0) {
      throw new DomainError('BATCH.EMPTY', 'invalid', '上传文件没有记录', 'The upload has no records');
    }
    if (parsed.rows.length > this.config.BATCH_MAX_ROWS) {
      throw new DomainError(
        'BATCH.TOO_MANY_ROWS',
        'too_large',
        `每次最多上传 ${this.config.BATCH_MAX_ROWS} 条记录`,
        `At most ${this.config.BATCH_MAX_ROWS} records per upload`,
      );
    }
    const report: BatchReportDto = { accepted: [], rejected: [], duplicates: [] };
    for (const entry of parsed.rows) {
      if (!entry.ok) {
        report.rejected.push({ row: entry.row, errors: entry.problems });
        continue;
      }
      const checked = await this.checkRow(entry.value);
      if (!checked.ok) {
        report.rejected.push({ row: entry.row, errors: checked.problems });
        continue;
      }
      const { externalId, ...item } = checked.row;
      const result = await this.submitItem.execute({
        item,
        source: { channel: 'batch', platform: command.source, externalId, enteredBy: command.enteredBy },
        correlationId: `${command.correlationId}:${entry.row}`,
      });
      const receipt = { row: entry.row, receiptNo: result.receiptNo, itemId: result.id };
      (result.replay ? report.duplicates : report.accepted).push(receipt);
    }
    return report;
  }

  /** The checks the HTTP pipe and the use case apply to a single item, here per row and without throwing. */
  private async checkRow(
    value: Record<string, unknown>,
  ): Promise<{ ok: true; row: ExternalItemDto } | { ok: false; problems: RuleProblem[] }> {
    const row = plainToInstance(ExternalItemDto, value);
    const errors = await validate(row, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
    });
    if (errors.length > 0) return { ok: false, problems: fieldProblems(errors) };
    const rules = checkItemRules(row);
    return rules.ok ? { ok: true, row } : { ok: false, problems: rules.problems };
  }
}
