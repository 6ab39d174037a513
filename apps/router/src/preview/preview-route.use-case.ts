import { Injectable } from '@nestjs/common';
import { decideRoute } from '../domain/decide-route';
import { RuleSetProvider } from '../rules/rule-set.provider';
import type { PreviewRequestDto, PreviewResponseDto } from './preview.dto';

/** The decision the router would make for a draft item, with its explanation. Writes nothing. */
@Injectable()
export class PreviewRouteUseCase {
  constructor(private readonly ruleSets: RuleSetProvider) {}

  async execute(draft: PreviewRequestDto): Promise<PreviewResponseDto> {
    const { classification: c, outcome } = decideRoute(
      draft,
      await this.ruleSets.current(),
      this.ruleSets.scoring,
    );
    return {
      agency: c.agency,
      category: c.category ?? null,
      unit: outcome.kind === 'routed' ? { id: outcome.target.unit.id, name: outcome.target.unit.name } : null,
      confidence: c.confidence,
      outOfScope: c.outOfScope,
      suggestedDepartment: c.suggestedDepartment ?? null,
      triage: outcome.kind === 'triaged',
      triageReason: outcome.kind === 'triaged' ? outcome.reason : null,
      assisting: outcome.kind === 'routed' ? outcome.assisting : [],
      explanation: c.explanation,
    };
  }
}
