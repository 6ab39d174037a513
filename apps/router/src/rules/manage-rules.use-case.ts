import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/errors';
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

  /** Replaces the whole set; every rule is checked first, so a bad one changes nothing. */
  async replaceAll(inputs: readonly RuleInput[], by: string): Promise<RuleSetDto & { changed: number }> {
    const rules = inputs.map(toRule);
    const ids = new Set<string>();
    for (const rule of rules) {
      if (ids.has(rule.id)) {
        throw new DomainError(
          'ROUTING.RULE_INVALID',
          'invalid',
          `规则编号 ${rule.id} 重复`,
          `Duplicate rule id ${rule.id}`,
          [
            {
              field: 'rules',
              rule: 'unique',
              message: `规则编号 ${rule.id} 重复`,
              messageEn: 'rule ids must be unique',
            },
          ],
        );
      }
      ids.add(rule.id);
    }
    const { version, changed } = await this.rules.replaceAll(rules, by);
    return { version: `v${version}`, rules: rules.map(toDto), changed };
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
