import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentStaff, StaffOnly, type StaffPrincipal } from '@app/auth';
import { correlationIdOf } from '@app/observability';
import { ItemActionResultDto } from '../items/item.dto';
import {
  AddNoteDto,
  FollowUpDto,
  LogContactDto,
  ReassignItemDto,
  RejectOfferDto,
  RequestExtensionDto,
  ResolveItemDto,
  ReturnItemDto,
  SuspendItemDto,
} from './item-action.dto';
import type { ActionContext } from './item-command-runner';
import { AddNoteUseCase } from './use-cases/add-note.use-case';
import { ApproveExtensionUseCase } from './use-cases/approve-extension.use-case';
import { LogContactUseCase } from './use-cases/log-contact.use-case';
import { ReassignItemUseCase } from './use-cases/reassign-item.use-case';
import { RecordFollowUpUseCase } from './use-cases/record-follow-up.use-case';
import { RejectOfferUseCase } from './use-cases/reject-offer.use-case';
import { RequestExtensionUseCase } from './use-cases/request-extension.use-case';
import { ResolveItemUseCase } from './use-cases/resolve-item.use-case';
import { ResumeItemUseCase } from './use-cases/resume-item.use-case';
import { ReturnItemUseCase } from './use-cases/return-item.use-case';
import { SignItemUseCase } from './use-cases/sign-item.use-case';
import { SuspendItemUseCase } from './use-cases/suspend-item.use-case';

const context = (staff: StaffPrincipal, itemId: string, req: Request): ActionContext => ({
  actor: staff,
  itemId,
  correlationId: correlationIdOf(req),
});

/**
 * Task-desk actions on one item. Each is one use case; every answer is the item's new status and the events
 * published. 404 for items outside the caller's scope, 409 ITEM.ILLEGAL_TRANSITION, 403 ITEM.NOT_ALLOWED.
 */
@ApiTags('desk')
@Controller('api/v1/items/:itemId')
@ApiResponse({ status: 200, type: ItemActionResultDto })
@ApiResponse({ status: 404, description: 'ITEM.NOT_FOUND' })
@ApiResponse({ status: 409, description: 'ITEM.ILLEGAL_TRANSITION' })
export class ItemActionsController {
  constructor(
    private readonly signItem: SignItemUseCase,
    private readonly rejectOffer: RejectOfferUseCase,
    private readonly addNote: AddNoteUseCase,
    private readonly logContact: LogContactUseCase,
    private readonly returnItem: ReturnItemUseCase,
    private readonly requestExtension: RequestExtensionUseCase,
    private readonly approveExtension: ApproveExtensionUseCase,
    private readonly resolveItem: ResolveItemUseCase,
    private readonly reassignItem: ReassignItemUseCase,
    private readonly suspendItem: SuspendItemUseCase,
    private readonly resumeItem: ResumeItemUseCase,
    private readonly recordFollowUp: RecordFollowUpUseCase,
  ) {}

  @Post('sign')
  @HttpCode(200)
  @StaffOnly('worker', 'committee')
  @ApiOperation({ summary: '签收' })
  sign(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Req() req: Request,
  ): Promise<ItemActionResultDto> {
    return this.signItem.execute(context(staff, itemId, req));
  }

  @Post('reject-offer')
  @HttpCode(200)
  @StaffOnly('worker')
  @ApiOperation({ summary: '拒绝派单' })
  reject(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: RejectOfferDto,
    @Req() req: Request,
  ): Promise<ItemActionResultDto> {
    return this.rejectOffer.execute(context(staff, itemId, req), body);
  }

  @Post('notes')
  @HttpCode(200)
  @StaffOnly('worker', 'supervisor', 'committee')
  @ApiOperation({ summary: '办理进展（内部或群众可见）' })
  note(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: AddNoteDto,
    @Req() req: Request,
  ): Promise<ItemActionResultDto> {
    return this.addNote.execute(context(staff, itemId, req), body);
  }

  @Post('contacts')
  @HttpCode(200)
  @StaffOnly('worker', 'supervisor', 'committee')
  @ApiOperation({ summary: '联系群众记录' })
  contact(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: LogContactDto,
    @Req() req: Request,
  ): Promise<ItemActionResultDto> {
    return this.logContact.execute(context(staff, itemId, req), body);
  }

  @Post('return')
  @HttpCode(200)
  @StaffOnly('worker', 'supervisor', 'committee')
  @ApiOperation({ summary: '退单（属地不符、职能不符、信息不全）' })
  return(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: ReturnItemDto,
    @Req() req: Request,
  ): Promise<ItemActionResultDto> {
    return this.returnItem.execute(context(staff, itemId, req), body);
  }

  @Post('extension-requests')
  @HttpCode(200)
  @StaffOnly('worker', 'supervisor', 'committee')
  @ApiOperation({ summary: '延期申请' })
  extension(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: RequestExtensionDto,
    @Req() req: Request,
  ): Promise<ItemActionResultDto> {
    return this.requestExtension.execute(context(staff, itemId, req), body);
  }

  @Post('extension-requests/:requestId/approve')
  @HttpCode(200)
  @StaffOnly('supervisor', 'committee')
  @ApiOperation({ summary: '批准延期（新的办结时限）' })
  approve(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Req() req: Request,
  ): Promise<ItemActionResultDto> {
    return this.approveExtension.execute(context(staff, itemId, req), requestId);
  }

  @Post('resolve')
  @HttpCode(200)
  @StaffOnly('worker', 'supervisor', 'committee')
  @ApiOperation({ summary: '答复办结' })
  resolve(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: ResolveItemDto,
    @Req() req: Request,
  ): Promise<ItemActionResultDto> {
    return this.resolveItem.execute(context(staff, itemId, req), body);
  }

  @Post('reassign')
  @HttpCode(200)
  @StaffOnly('supervisor')
  @ApiOperation({ summary: '改派（单位负责人）' })
  reassign(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: ReassignItemDto,
    @Req() req: Request,
  ): Promise<ItemActionResultDto> {
    return this.reassignItem.execute(context(staff, itemId, req), body);
  }

  @Post('suspend')
  @HttpCode(200)
  @StaffOnly('supervisor', 'committee')
  @ApiOperation({ summary: '挂起（经批准，时限暂停）' })
  suspend(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: SuspendItemDto,
    @Req() req: Request,
  ): Promise<ItemActionResultDto> {
    return this.suspendItem.execute(context(staff, itemId, req), body);
  }

  @Post('resume')
  @HttpCode(200)
  @StaffOnly('supervisor', 'committee')
  @ApiOperation({ summary: '恢复办理' })
  resume(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Req() req: Request,
  ): Promise<ItemActionResultDto> {
    return this.resumeItem.execute(context(staff, itemId, req));
  }

  @Post('follow-up')
  @HttpCode(200)
  @StaffOnly('clerk', 'committee', 'worker', 'supervisor')
  @ApiOperation({ summary: '回访（满意、基本满意、不满意→重办）；回访人不能是承办人' })
  followUp(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: FollowUpDto,
    @Req() req: Request,
  ): Promise<ItemActionResultDto> {
    return this.recordFollowUp.execute(context(staff, itemId, req), body);
  }
}
