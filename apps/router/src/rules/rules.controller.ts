import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, StaffOnly, type StaffPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import { ManageRulesUseCase } from './manage-rules.use-case';
import {
  ReplaceRulesDto,
  RuleChangeDto,
  RuleDto,
  RuleSavedDto,
  RuleSetDto,
  RulesReplacedDto,
} from './rule.dto';

@ApiTags('routing rules')
@Controller('api/v1/routing/rules')
export class RulesController {
  constructor(private readonly manage: ManageRulesUseCase) {}

  /** The live rule set with its version. */
  @Get()
  @StaffOnly('admin', 'committee')
  @ApiResponse({ status: 200, type: RuleSetDto })
  list(): Promise<RuleSetDto> {
    return this.manage.list();
  }

  /** Audit trail of rule edits, newest first: who, when, before and after. */
  @Get('changes')
  @StaffOnly('admin', 'committee')
  @ApiQuery({ name: 'ruleId', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiResponse({ status: 200, type: [RuleChangeDto] })
  changes(@Query('ruleId') ruleId?: string, @Query('limit') limit?: string): Promise<RuleChangeDto[]> {
    const n = Math.min(500, Math.max(1, Number(limit) || 100));
    return this.manage.changes(n, ruleId);
  }

  /** Replaces the whole rule set in one new version (rules left out are deleted); every change audited. */
  @Put()
  @StaffOnly('admin')
  @ApiResponse({ status: 200, type: RulesReplacedDto })
  @ApiResponse({ status: 400, description: 'ROUTING.RULE_INVALID' })
  replaceAll(
    @Body() body: ReplaceRulesDto,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<RulesReplacedDto> {
    return this.manage.replaceAll(body.rules, staff.username);
  }

  /** Adds a rule; effective for the next decision. */
  @Post()
  @StaffOnly('admin')
  @ApiResponse({ status: 201, type: RuleSavedDto })
  @ApiResponse({ status: 409, description: 'ROUTING.RULE_EXISTS' })
  async create(@Body() body: RuleDto, @CurrentStaff() staff: StaffPrincipal): Promise<RuleSavedDto> {
    const { version, rule } = await this.manage.save(body, staff.username, 'create');
    return { version, rule };
  }

  /** Creates or replaces the rule with this id; effective for the next decision. */
  @Put(':id')
  @StaffOnly('admin')
  @ApiResponse({ status: 200, type: RuleSavedDto })
  @ApiResponse({ status: 201, type: RuleSavedDto, description: 'created' })
  async put(
    @Param('id') id: string,
    @Body() body: RuleDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RuleSavedDto> {
    if (body.id !== id) {
      throw new DomainError(
        'ROUTING.RULE_ID_MISMATCH',
        'invalid',
        '路径与正文中的规则编号不一致',
        'Path and body rule ids differ',
      );
    }
    const { version, rule, created } = await this.manage.save(body, staff.username, 'upsert');
    res.status(created ? 201 : 200);
    return { version, rule };
  }

  @Delete(':id')
  @StaffOnly('admin')
  @HttpCode(200)
  @ApiResponse({ status: 200, description: '{ version }' })
  @ApiResponse({ status: 404, description: 'ROUTING.RULE_NOT_FOUND' })
  remove(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal): Promise<{ version: string }> {
    return this.manage.remove(id, staff.username);
  }
}
