import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentStaff, StaffOnly, type StaffPrincipal } from '@app/auth';
import { correlationIdOf } from '@app/observability';
import { CommitteeDecisionDto, CommitteeDecisionResultDto } from './committee-decision.dto';
import { DecideByCommitteeUseCase } from './decide-by-committee.use-case';

@ApiTags('routing')
@Controller('api/v1/routing/items')
export class CommitteeController {
  constructor(private readonly decide: DecideByCommitteeUseCase) {}

  /** The committee decides an item in triage (分拨待定) or arbitration (仲裁): an agency and unit, or a referral. */
  @Post(':itemId/decision')
  @HttpCode(200)
  @StaffOnly('committee', 'admin')
  @ApiResponse({ status: 200, type: CommitteeDecisionResultDto })
  @ApiResponse({ status: 404, description: 'ROUTING.ITEM_NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'ROUTING.NOT_AWAITING_DECISION' })
  execute(
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
    @Body() body: CommitteeDecisionDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
  ): Promise<CommitteeDecisionResultDto> {
    return this.decide.execute(itemId, { ...body, by: staff.username }, correlationIdOf(req));
  }
}
