import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@app/errors';
import type { Rule } from '../domain/classifier/rule-set';

export interface RuleChange {
  id: string;
  version: number;
  ruleId: string;
  action: 'seed' | 'create' | 'update' | 'delete';
  changedBy: string;
  changedAt: string;
  before: Rule | null;
  after: Rule | null;
}

interface ChangeRow {
  id: string;
  version: number;
  rule_id: string;
  action: RuleChange['action'];
  changed_by: string;
  changed_at: Date;
  before: Rule | null;
  after: Rule | null;
}

/**
 * The editable rule set: one row per rule, a version number bumped by every change, and the audit trail of
 * who changed what (before/after). Changes lock the version row, so concurrent edits serialise.
 */
@Injectable()
export class RulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async version(): Promise<number> {
    const rows = await this.dataSource.query<{ version: number }[]>(
      'SELECT version FROM rule_set_state WHERE id = 1',
    );
    return rows[0]?.version ?? 0;
  }

  /** The rules and the version they belong to, read consistently. */
  async load(): Promise<{ version: number; rules: Rule[] }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [state] = await manager.query<{ version: number }[]>(
        'SELECT version FROM rule_set_state WHERE id = 1',
      );
      const rows = await manager.query<{ body: Rule }[]>('SELECT body FROM routing_rules ORDER BY id');
      return { version: state?.version ?? 0, rules: rows.map((r) => r.body) };
    });
  }

  /** Seeds the default set once (version 0 → 1); a no-op when another instance or an earlier start did it. */
  async seedIfEmpty(defaults: readonly Rule[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const version = await this.lockVersion(manager);
      if (version !== 0) return;
      for (const rule of defaults) {
        await this.write(manager, rule, 'system');
        await this.audit(manager, 1, rule.id, 'seed', 'system', null, rule);
      }
      await manager.query('UPDATE rule_set_state SET version = 1 WHERE id = 1');
    });
  }

  /** Creates (`create`, conflict if it exists) or creates-or-replaces (`upsert`) one rule; returns the new version. */
  async save(
    rule: Rule,
    by: string,
    mode: 'create' | 'upsert',
  ): Promise<{ version: number; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const version = (await this.lockVersion(manager)) + 1;
      const before = await this.current(manager, rule.id);
      if (before && mode === 'create') {
        throw new DomainError(
          'ROUTING.RULE_EXISTS',
          'conflict',
          `规则 ${rule.id} 已存在`,
          `Rule ${rule.id} exists`,
        );
      }
      await this.write(manager, rule, by);
      await this.audit(manager, version, rule.id, before ? 'update' : 'create', by, before, rule);
      await manager.query('UPDATE rule_set_state SET version = $1 WHERE id = 1', [version]);
      return { version, created: !before };
    });
  }

  /**
   * Replaces the whole rule set in one version: rules not in `rules` are deleted, new ones created, changed
   * ones updated, each change audited. Nothing changes (and the version stays) when the set is identical.
   */
  async replaceAll(rules: readonly Rule[], by: string): Promise<{ version: number; changed: number }> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockVersion(manager);
      const rows = await manager.query<{ body: Rule }[]>('SELECT body FROM routing_rules');
      const before = new Map(rows.map((r) => [r.body.id, r.body]));
      const version = current + 1;
      let changed = 0;
      for (const rule of rules) {
        const old = before.get(rule.id) ?? null;
        before.delete(rule.id);
        if (old && JSON.stringify(old) === JSON.stringify(rule)) continue;
        await this.write(manager, rule, by);
        await this.audit(manager, version, rule.id, old ? 'update' : 'create', by, old, rule);
        changed += 1;
      }
      for (const [id, old] of before) {
        await manager.query('DELETE FROM routing_rules WHERE id = $1', [id]);
        await this.audit(manager, version, id, 'delete', by, old, null);
        changed += 1;
      }
      if (changed === 0) return { version: current, changed };
      await manager.query('UPDATE rule_set_state SET version = $1 WHERE id = 1', [version]);
      return { version, changed };
    });
  }

  async remove(id: string, by: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const version = (await this.lockVersion(manager)) + 1;
      const before = await this.current(manager, id);
      if (!before) throw notFound(id);
      await manager.query('DELETE FROM routing_rules WHERE id = $1', [id]);
      await this.audit(manager, version, id, 'delete', by, before, null);
      await manager.query('UPDATE rule_set_state SET version = $1 WHERE id = 1', [version]);
      return version;
    });
  }

  async changes(limit: number, ruleId?: string): Promise<RuleChange[]> {
    const rows = await this.dataSource.query<ChangeRow[]>(
      `SELECT id, version, rule_id, action, changed_by, changed_at, before, after FROM rule_changes
       WHERE ($2::text IS NULL OR rule_id = $2) AND action <> 'seed' ORDER BY id DESC LIMIT $1`,
      [limit, ruleId ?? null],
    );
    return rows.map((r) => ({
      id: String(r.id),
      version: r.version,
      ruleId: r.rule_id,
      action: r.action,
      changedBy: r.changed_by,
      changedAt: new Date(r.changed_at).toISOString(),
      before: r.before,
      after: r.after,
    }));
  }

  private async lockVersion(manager: EntityManager): Promise<number> {
    const [row] = await manager.query<{ version: number }[]>(
      'SELECT version FROM rule_set_state WHERE id = 1 FOR UPDATE',
    );
    return row?.version ?? 0;
  }

  private async current(manager: EntityManager, id: string): Promise<Rule | null> {
    const [row] = await manager.query<{ body: Rule }[]>('SELECT body FROM routing_rules WHERE id = $1', [id]);
    return row?.body ?? null;
  }

  private async write(manager: EntityManager, rule: Rule, by: string): Promise<void> {
    await manager.query(
      `INSERT INTO routing_rules (id, kind, body, updated_by) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, body = EXCLUDED.body, updated_by = EXCLUDED.updated_by,
         updated_at = now()`,
      [rule.id, rule.kind, JSON.stringify(rule), by],
    );
  }

  private async audit(
    manager: EntityManager,
    version: number,
    ruleId: string,
    action: RuleChange['action'],
    by: string,
    before: Rule | null,
    after: Rule | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO rule_changes (version, rule_id, action, changed_by, before, after)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
      [version, ruleId, action, by, before && JSON.stringify(before), after && JSON.stringify(after)],
    );
  }
}

export function notFound(id: string): DomainError {
  return new DomainError('ROUTING.RULE_NOT_FOUND', 'not_found', `规则 ${id} 不存在`, `Rule ${id} not found`);
}
