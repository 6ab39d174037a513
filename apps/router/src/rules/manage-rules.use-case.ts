import { Injectable } from '@nestjs/common';
import type { Rule } from '../domain/classifier/rule-set';
import { toRule, type RuleInput } from '../domain/classifier/rule-validation';
import { RulesRepository } from '../persistence/rules.repository';
import type { RuleChangeDto, RuleSavedDto, RuleSetDto } from './rule.dto';

/** Administration of the routing rules: read, create, replace, delete — every change versioned and audited. */
@Injectable()
export class ManageRulesUseCase {
  constructor(private readonly rules: RulesRepository) {}

  async list(): Promise<RuleSetDto> {
    const { version, rules } = await this.rules.load();
    return { version: `v${version}`, rules: rules.map(toDto) };
  }

  async save(
    input: RuleInput,
    by: string,
    mode: 'create' | 'upsert',
  ): Promise<RuleSavedDto & { created: boolean }> {
    const rule = toRule(input);
    const { version, created } = await this.rules.save(rule, by, mode);
    return { version: `v${version}`, rule: toDto(rule), created };
  }

  async remove(id: string, by: string): Promise<{ version: string }> {
    return { version: `v${await this.rules.remove(id, by)}` };
  }

  async changes(limit: number, ruleId?: string): Promise<RuleChangeDto[]> {
    const changes = await this.rules.changes(limit, ruleId);
    return changes.map((c) => ({
      ...c,
      version: `v${c.version}`,
      before: c.before && toDto(c.before),
      after: c.after && toDto(c.after),
    }));
  }
}

function toDto(rule: Rule): Rule {
  return { ...rule };
}
