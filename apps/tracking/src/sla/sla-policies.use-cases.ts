import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SlaPolicyDto } from './sla-policy.dto';
import { SlaContext } from './sla-context';

interface PolicyRow {
  request_type: SlaPolicyDto['requestType'];
  category: string | null;
  urgency: SlaPolicyDto['urgency'];
  sign_minutes: number;
  contact_minutes: number;
  resolve_days: number;
  warn_ratio: string;
}

/** The service-level policies in force, most general first. */
@Injectable()
export class ListSlaPoliciesUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<SlaPolicyDto[]> {
    const rows = await this.dataSource.query<PolicyRow[]>(
      `SELECT request_type, category, urgency, sign_minutes, contact_minutes, resolve_days, warn_ratio
       FROM sla_policies ORDER BY (urgency IS NOT NULL), (category IS NOT NULL), (request_type IS NOT NULL), request_type, category`,
    );
    return rows.map((r) => ({
      requestType: r.request_type,
      category: r.category,
      urgency: r.urgency,
      signMinutes: r.sign_minutes,
      contactMinutes: r.contact_minutes,
      resolveDays: r.resolve_days,
      warnRatio: Number(r.warn_ratio),
    }));
  }
}

/**
 * An administrator sets the policy for one (request type, category, urgency) combination. It applies to
 * items received from now on; deadlines already computed stay.
 */
@Injectable()
export class SetSlaPolicyUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sla: SlaContext,
  ) {}

  async execute(policy: SlaPolicyDto): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sla_policies (request_type, category, urgency, sign_minutes, contact_minutes, resolve_days, warn_ratio)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (request_type, category, urgency) DO UPDATE SET sign_minutes = EXCLUDED.sign_minutes,
         contact_minutes = EXCLUDED.contact_minutes, resolve_days = EXCLUDED.resolve_days, warn_ratio = EXCLUDED.warn_ratio`,
      [
        policy.requestType ?? null,
        policy.category ?? null,
        policy.urgency ?? null,
        policy.signMinutes,
        policy.contactMinutes,
        policy.resolveDays,
        policy.warnRatio,
      ],
    );
    await this.sla.reload();
  }
}
