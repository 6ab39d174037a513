import { Injectable, type OnModuleInit } from '@nestjs/common';
import { compileRuleSet, type CompiledRuleSet } from '../domain/classifier/classify';
import { DEFAULT_RULES } from '../domain/classifier/default-rule-set';
import { DEFAULT_SCORING, ruleTerms, type ScoringParams } from '../domain/classifier/rule-set';
import { jiebaSegmenter } from '../domain/classifier/segmenter';
import { RulesRepository } from '../persistence/rules.repository';
import { RouterConfig } from '../router.config';

/**
 * The live rule set. Every use reads the version number (one indexed row) and recompiles only when an
 * administrator changed something, so edits take effect on the next decision, in every instance, without a
 * restart.
 */
@Injectable()
export class RuleSetProvider implements OnModuleInit {
  private cached?: { version: number; compiled: CompiledRuleSet };
  readonly scoring: ScoringParams;

  constructor(
    private readonly rules: RulesRepository,
    config: RouterConfig,
  ) {
    this.scoring = { ...DEFAULT_SCORING, triageThreshold: config.ROUTER_TRIAGE_THRESHOLD };
  }

  async onModuleInit(): Promise<void> {
    await this.rules.seedIfEmpty(DEFAULT_RULES);
    await this.current();
  }

  async current(): Promise<CompiledRuleSet> {
    const version = await this.rules.version();
    if (this.cached?.version === version) return this.cached.compiled;
    const loaded = await this.rules.load();
    const compiled = compileRuleSet(
      { version: `v${loaded.version}`, rules: loaded.rules },
      jiebaSegmenter(ruleTerms(loaded.rules)),
    );
    this.cached = { version: loaded.version, compiled };
    return compiled;
  }
}
