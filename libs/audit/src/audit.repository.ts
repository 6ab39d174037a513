import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditEntry } from './audit-entry';

export interface AuditQuery {
  from?: Date;
  to?: Date;
  actor?: string;
  /** Entries with a smaller id than this (paging backwards from the newest). */
  before?: string;
  limit: number;
}

export type StoredAuditEntry = AuditEntry & { id: string };

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a batch; entries already written (a retry after a lost reply) are skipped. */
  async insert(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO audit_log (entry_id, at, service, action, actor_id, actor_username, actor_role, actor_agency,
         actor_unit_id, method, route, target_type, target_id, params, status, correlation_id, client_address)
       SELECT e."entryId", e.at, e.service, e.action, e."actorId", e."actorUsername", e."actorRole",
         e."actorAgency", e."actorUnitId", e.method, e.route, e."targetType", e."targetId",
         COALESCE(e.params, '{}'), e.status, e."correlationId", e."clientAddress"
       FROM jsonb_to_recordset($1::jsonb) AS e("entryId" uuid, at timestamptz, service text, action text,
         "actorId" text, "actorUsername" text, "actorRole" text, "actorAgency" text, "actorUnitId" text,
         method text, route text, "targetType" text, "targetId" text, params jsonb, status int,
         "correlationId" text, "clientAddress" text)
       ON CONFLICT (entry_id) DO NOTHING`,
      [JSON.stringify(entries)],
    );
  }

  async find(query: AuditQuery): Promise<StoredAuditEntry[]> {
    const rows: StoredAuditEntry[] = await this.dataSource.query(
      `SELECT id::text AS id, entry_id AS "entryId", at, service, action, actor_id AS "actorId",
         actor_username AS "actorUsername", actor_role AS "actorRole", actor_agency AS "actorAgency",
         actor_unit_id AS "actorUnitId", method, route, target_type AS "targetType", target_id AS "targetId",
         params, status, correlation_id AS "correlationId", client_address AS "clientAddress"
       FROM audit_log
       WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2)
         AND ($3::text IS NULL OR actor_username = $3) AND ($4::bigint IS NULL OR id < $4)
       ORDER BY id DESC LIMIT $5`,
      [query.from ?? null, query.to ?? null, query.actor ?? null, query.before ?? null, query.limit],
    );
    return rows;
  }
}
