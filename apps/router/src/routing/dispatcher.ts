import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { createEvent, type AnyEvent, type EventMeta, type EventOf } from '@app/contracts';
import {
  areaByCode,
  COMMITTEE_UNIT_ID,
  POLICE_GRIDS,
  STAFF,
  unitById,
  unitFor,
  workersOfUnit,
} from '@app/reference-data';
import { DomainError } from '@app/errors';
import { chooseTarget } from '../domain/assignment/placement';
import { chooseWorker } from '../domain/assignment/choose-worker';
import type { CompiledRuleSet } from '../domain/classifier/classify';
import type { InScopeAgency, ScoringParams } from '../domain/classifier/rule-set';
import { categoriesByAgency, decideRoute } from '../domain/decide-route';
import { routedPayload } from '../domain/routed-payload';
import { ItemRoutesRepository, type ItemRoute } from '../persistence/item-routes.repository';
import { RouteDecisionsRepository } from '../persistence/route-decisions.repository';
import { RouterConfig } from '../router.config';
import { Clock } from './clock';
import { RoutingTx } from './routing-tx';

/** What the committee decided for an item in triage or arbitration. */
export interface CommitteeDecision {
  agency: InScopeAgency | 'out_of_scope';
  unitId?: string;
  areaCode?: string;
  suggestedDepartment?: string;
  note?: string;
  by: string;
}

function invalidDecision(field: string, message: string, messageEn: string): DomainError {
  return new DomainError('ROUTING.DECISION_INVALID', 'invalid', message, messageEn, [
    { field, rule: 'required', message, messageEn },
  ]);
}

/** A stable, non-reversible key for "the same citizen": the hashed mobile number of a named citizen. */
function citizenKey(citizen: { mobile?: string; anonymous: boolean }): string | null {
  if (citizen.anonymous || !citizen.mobile) return null;
  return createHash('sha256').update(citizen.mobile.replace(/\D/g, '')).digest('hex');
}

const QUEUED_REASON =
  '暂无可签收的承办人（在岗、具备相应技能且未满负荷），已进入单位待签收队列并通知科室负责人';

/** Who is told about a queued item: the unit's supervisor (the committee's own staff for the committee). */
function supervisorOf(unitId: string): string {
  return STAFF.find((s) => s.unitId === unitId && s.role === 'supervisor')?.username ?? 'zfw01';
}

/**
 * The router's moves, each inside the caller's transaction and returning the events to put in the outbox:
 * the first decision for a new item, an offer to the next candidate worker (or the unit queue), and a
 * re-route after a return (or arbitration after too many).
 */
@Injectable()
export class Dispatcher {
  constructor(
    private readonly routes: ItemRoutesRepository,
    private readonly decisions: RouteDecisionsRepository,
    private readonly config: RouterConfig,
    private readonly clock: Clock,
  ) {}

  /** The unit of work the moves below run in; the caller flushes it before committing. */
  begin(manager: EntityManager): RoutingTx {
    return new RoutingTx(manager, this.routes, this.decisions);
  }

  async routeNew(
    tx: RoutingTx,
    event: EventOf<'ItemReceived'>,
    rules: CompiledRuleSet,
    scoring: ScoringParams,
  ): Promise<AnyEvent[]> {
    const p = event.payload;
    const {
      classification: c,
      placement,
      outcome,
    } = decideRoute(
      {
        title: p.title,
        description: p.description,
        platform: p.source.platform,
        category: p.category,
        location: p.location,
      },
      rules,
      scoring,
    );
    const meta: EventMeta = { correlationId: event.correlationId, causationId: event.eventId };
    const categories = categoriesByAgency(c);
    const route: ItemRoute = {
      itemId: event.itemId,
      receiptNo: p.receiptNo,
      status: 'queued',
      agency: c.agency,
      category: c.categoryId ?? null,
      areaCode: placement.area?.code ?? null,
      gridId: placement.grid?.id ?? null,
      unitId: null,
      workerId: null,
      round: 1,
      returns: 0,
      excludedUnits: [],
      excludedAgencies: [],
      triedWorkers: [],
      scores: c.explanation.scores,
      categories,
      preferredWorker: null,
      citizenKey: citizenKey(p.citizen),
      repeatOf: null,
      correlationId: event.correlationId,
    };
    const decisionId = randomUUID();
    const decision = {
      id: decisionId,
      itemId: event.itemId,
      receiptNo: p.receiptNo,
      round: 1,
      agency: c.agency,
      confidence: c.confidence,
      reason: c.explanation.summary,
      ruleSetVersion: rules.version,
      explanation: c.explanation,
      areaCode: route.areaCode,
      suggestedDepartment: c.suggestedDepartment ?? null,
    };
    const decided = {
      decisionId,
      ruleSetVersion: rules.version,
      confidence: c.confidence,
      reason: c.explanation.summary,
    };
    switch (outcome.kind) {
      case 'triaged': {
        route.status = 'triaged';
        if (!tx.addRoute(route)) return [];
        tx.recordDecision({
          ...decision,
          outcome: 'triaged',
          category: c.category ?? null,
          unitId: null,
          assisting: [],
          reason: outcome.reason,
        });
        return [
          createEvent(
            'ItemTriaged',
            event.itemId,
            {
              receiptNo: p.receiptNo,
              reason: outcome.reason,
              confidence: c.confidence,
              decisionId,
              ...(outcome.suggestedAgency ? { suggestedAgency: outcome.suggestedAgency } : {}),
            },
            meta,
          ),
        ];
      }
      case 'referred': {
        route.status = 'referred';
        if (!tx.addRoute(route)) return [];
        tx.recordDecision({
          ...decision,
          outcome: 'referred',
          category: null,
          unitId: null,
          assisting: [],
        });
        return [
          createEvent(
            'ItemRouted',
            event.itemId,
            routedPayload(route, decided, {
              agency: 'out_of_scope',
              suggestedDepartment: outcome.department,
            }),
            meta,
          ),
          createEvent(
            'ItemReferredOut',
            event.itemId,
            {
              receiptNo: p.receiptNo,
              suggestedDepartment: outcome.department,
              reason: c.explanation.summary,
              decisionId,
            },
            meta,
          ),
        ];
      }
      case 'routed': {
        const { target } = outcome;
        Object.assign(route, {
          agency: target.agency,
          unitId: target.unit.id,
          category: categories[target.agency]?.id ?? null,
          preferredWorker: target.preferredWorker ?? null,
        });
        const earlier =
          route.citizenKey && route.category
            ? await tx.openEarlier(route.citizenKey, route.category)
            : undefined;
        const repeatUnit = earlier && unitById(earlier.unitId);
        if (earlier && repeatUnit) {
          // Known repeat: the unit (and worker, if still available) that has the earlier item.
          Object.assign(target, { unit: repeatUnit });
          route.unitId = repeatUnit.id;
          route.preferredWorker = earlier.workerId;
          route.repeatOf = earlier.itemId;
        }
        if (!tx.addRoute(route)) return [];
        tx.recordDecision({
          ...decision,
          outcome: 'routed',
          agency: target.agency,
          category: categories[target.agency]?.label ?? null,
          unitId: target.unit.id,
          assisting: outcome.assisting,
        });
        const routed = createEvent(
          'ItemRouted',
          event.itemId,
          routedPayload(
            route,
            route.repeatOf ? { ...decided, reason: `${decided.reason}；重复件，交原承办单位` } : decided,
            {
              agency: target.agency,
              unitId: target.unit.id,
              category: categories[target.agency]?.label,
              assisting: outcome.assisting,
              repeatOfItemId: route.repeatOf,
            },
          ),
          meta,
        );
        return [routed, ...(await this.offerNext(tx, route, meta))];
      }
    }
  }

  /** Offers the item to the best eligible worker of its unit not tried yet, or puts it in the unit's queue. */
  async offerNext(
    tx: RoutingTx,
    route: ItemRoute,
    meta: EventMeta,
    options: { queueIfNobody: boolean } = { queueIfNobody: true },
  ): Promise<AnyEvent[]> {
    const unitId = route.unitId ?? COMMITTEE_UNIT_ID;
    const profiles = workersOfUnit(unitId);
    const loads = await tx.ledger.loads(profiles.map((w) => w.id));
    const worker = chooseWorker(
      profiles.map((w) => ({
        ...w,
        active: loads.get(w.id)?.active ?? 0,
        lastAssignedAt: loads.get(w.id)?.lastAssignedAt ?? null,
      })),
      {
        category: route.category ?? undefined,
        exclude: route.triedWorkers,
        preferred: route.preferredWorker ?? undefined,
      },
    );
    if (!worker) {
      if (!options.queueIfNobody) return [];
      route.status = 'queued';
      route.workerId = null;
      await tx.updateRoute(route);
      return [
        createEvent(
          'ItemQueued',
          route.itemId,
          { receiptNo: route.receiptNo, unitId, reason: `${QUEUED_REASON}（${supervisorOf(unitId)}）` },
          meta,
        ),
      ];
    }
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.ROUTER_OFFER_TTL_S * 1000);
    const offerId = randomUUID();
    tx.offer({
      id: offerId,
      itemId: route.itemId,
      unitId,
      workerId: worker.id,
      status: 'open',
      offeredAt: now,
      expiresAt,
    });
    tx.ledger.add(worker.id, now);
    route.status = 'offered';
    route.workerId = worker.id;
    route.triedWorkers = [...route.triedWorkers, worker.id];
    await tx.updateRoute(route);
    return [
      createEvent(
        'ItemOffered',
        route.itemId,
        {
          receiptNo: route.receiptNo,
          offerId,
          unitId,
          workerId: worker.id,
          expiresAt: expiresAt.toISOString(),
        },
        meta,
      ),
    ];
  }

  /**
   * The committee's decision for an item waiting in triage or arbitration: refer it out, or send it to an agency
   * (the given unit, else the agency's unit in the item's area) in a new round, offered like any other.
   */
  async decideByCommittee(
    tx: RoutingTx,
    route: ItemRoute,
    decision: CommitteeDecision,
    ruleSetVersion: string,
    meta: EventMeta,
  ): Promise<AnyEvent[]> {
    const decisionId = randomUUID();
    const reason = `政法委分拨（${decision.by}）${decision.note ? `：${decision.note}` : ''}`;
    const base = {
      id: decisionId,
      itemId: route.itemId,
      receiptNo: route.receiptNo,
      round: route.round + 1,
      confidence: 1,
      ruleSetVersion,
      explanation: { committee: decision },
      areaCode: route.areaCode,
      assisting: [],
      reason,
    };
    route.round += 1;
    route.workerId = null;
    route.triedWorkers = [];
    route.preferredWorker = null;
    if (decision.agency === 'out_of_scope') {
      const department = decision.suggestedDepartment?.trim();
      if (!department) {
        throw invalidDecision(
          'suggestedDepartment',
          '转办须填写建议承办部门',
          'suggestedDepartment is required',
        );
      }
      route.status = 'referred';
      route.agency = 'out_of_scope';
      route.unitId = null;
      await tx.updateRoute(route);
      tx.recordDecision({
        ...base,
        outcome: 'referred',
        agency: 'out_of_scope',
        category: null,
        unitId: null,
        suggestedDepartment: department,
      });
      return [
        createEvent(
          'ItemRouted',
          route.itemId,
          // A committee referral has never named the area in its ItemRouted; kept as it was.
          routedPayload(
            { receiptNo: route.receiptNo, round: route.round },
            { decisionId, ruleSetVersion, confidence: 1, reason },
            { agency: 'out_of_scope', suggestedDepartment: department },
          ),
          meta,
        ),
        createEvent(
          'ItemReferredOut',
          route.itemId,
          { receiptNo: route.receiptNo, suggestedDepartment: department, reason, decisionId },
          meta,
        ),
      ];
    }
    const areaCode = decision.areaCode ?? route.areaCode;
    const unit = decision.unitId
      ? unitById(decision.unitId)
      : decision.agency === 'committee'
        ? unitById(COMMITTEE_UNIT_ID)
        : areaCode
          ? unitFor(decision.agency, areaCode)
          : undefined;
    if (!unit || unit.agency !== decision.agency) {
      throw invalidDecision(
        'unitId',
        '请指定该机关的承办单位或所属区县',
        'a unit of that agency (or an area) is required',
      );
    }
    const category = route.categories[decision.agency];
    route.agency = decision.agency;
    route.unitId = unit.id;
    route.areaCode = unit.areaCode ?? route.areaCode;
    route.category = category?.id ?? null;
    tx.recordDecision({
      ...base,
      outcome: 'routed',
      agency: decision.agency,
      category: category?.label ?? null,
      unitId: unit.id,
      suggestedDepartment: null,
    });
    const routed = createEvent(
      'ItemRouted',
      route.itemId,
      routedPayload(
        route,
        { decisionId, ruleSetVersion, confidence: 1, reason },
        { agency: decision.agency, unitId: unit.id, category: category?.label, assisting: [] },
      ),
      meta,
    );
    return [routed, ...(await this.offerNext(tx, route, meta))];
  }

  /**
   * After a return (退单): exclude the returning unit (and its agency when it was "not our function"), then
   * route to the next-best unit in a new round — or, after too many returns, ask the committee to arbitrate.
   */
  async reroute(
    tx: RoutingTx,
    route: ItemRoute,
    returned: { unitId: string; agency: string; notOurFunction: boolean; reason: string },
    ruleSetVersion: string,
    meta: EventMeta,
  ): Promise<AnyEvent[]> {
    route.returns += 1;
    route.excludedUnits = [...new Set([...route.excludedUnits, returned.unitId])];
    if (returned.notOurFunction)
      route.excludedAgencies = [...new Set([...route.excludedAgencies, returned.agency])];
    route.workerId = null;
    route.triedWorkers = [];
    route.preferredWorker = null;
    const decisionId = randomUUID();
    const base = {
      id: decisionId,
      itemId: route.itemId,
      receiptNo: route.receiptNo,
      round: route.round + 1,
      confidence: 0,
      ruleSetVersion,
      explanation: { returned, excludedUnits: route.excludedUnits, excludedAgencies: route.excludedAgencies },
      areaCode: route.areaCode,
      suggestedDepartment: null,
      category: null,
      assisting: [],
    };
    if (route.returns >= this.config.ROUTER_MAX_RETURNS) {
      route.status = 'arbitration';
      route.unitId = COMMITTEE_UNIT_ID;
      await tx.updateRoute(route);
      const reason = `已退单 ${route.returns} 次（最近：${returned.reason}），提请政法委仲裁`;
      tx.recordDecision({
        ...base,
        outcome: 'arbitration',
        agency: 'committee',
        unitId: COMMITTEE_UNIT_ID,
        reason,
      });
      return [
        createEvent(
          'ArbitrationRequested',
          route.itemId,
          { receiptNo: route.receiptNo, returns: route.returns, reason },
          meta,
        ),
      ];
    }
    const area = route.areaCode ? areaByCode(route.areaCode) : undefined;
    const grid = POLICE_GRIDS.find((g) => g.id === route.gridId);
    const target = chooseTarget({
      scores: route.scores,
      lead: (route.agency ?? 'committee') as InScopeAgency,
      placement: { area, grid },
      excludedAgencies: route.excludedAgencies,
      excludedUnits: route.excludedUnits,
    });
    if (target.kind === 'triage') {
      route.status = 'triaged';
      route.unitId = null;
      await tx.updateRoute(route);
      tx.recordDecision({
        ...base,
        outcome: 'triaged',
        agency: target.suggestedAgency ?? 'committee',
        unitId: null,
        reason: target.reason,
      });
      return [
        createEvent(
          'ItemTriaged',
          route.itemId,
          {
            receiptNo: route.receiptNo,
            reason: target.reason,
            confidence: 0,
            decisionId,
            ...(target.suggestedAgency ? { suggestedAgency: target.suggestedAgency } : {}),
          },
          meta,
        ),
      ];
    }
    const category = route.categories[target.agency];
    route.round += 1;
    route.agency = target.agency;
    route.unitId = target.unit.id;
    route.category = category?.id ?? null;
    route.preferredWorker = target.preferredWorker ?? null;
    const reason = `退单后重新分拨（第 ${route.round} 轮，排除 ${route.excludedUnits.join('、')}）`;
    tx.recordDecision({
      ...base,
      outcome: 'routed',
      agency: target.agency,
      unitId: target.unit.id,
      category: category?.label ?? null,
      reason,
    });
    const routed = createEvent(
      'ItemRouted',
      route.itemId,
      routedPayload(
        route,
        { decisionId, ruleSetVersion, confidence: 0, reason },
        { agency: target.agency, unitId: target.unit.id, category: category?.label, assisting: [] },
      ),
      meta,
    );
    return [routed, ...(await this.offerNext(tx, route, meta))];
  }
}
