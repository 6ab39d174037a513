import { IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';
import { Agencies, type Agency } from './vocabulary';

/** The router's decision: which agency (and unit/worker where known) handles the item, and why. */
export class ItemRoutedV1 {
  @IsString()
  receiptNo: string;

  @IsIn(Agencies)
  agency: Agency;

  @IsOptional()
  @IsString()
  category?: string;

  @IsOptional()
  @IsString()
  unitId?: string;

  @IsOptional()
  @IsString()
  workerId?: string;

  @IsArray()
  @IsIn(Agencies, { each: true })
  assistingAgencies: Agency[];

  @IsNumber()
  @Min(0)
  @Max(1)
  confidence: number;

  @IsBoolean()
  outOfScope: boolean;

  @IsOptional()
  @IsString()
  suggestedDepartment?: string;

  @IsString()
  decisionId: string;

  @IsString()
  ruleSetVersion: string;

  /** Short human-readable reason, e.g. "matched 盗窃, 派出所". The full explanation stays in the router. */
  @IsString()
  reason: string;
}

export const routingEvents = {
  ItemRouted: { version: 1, topic: 'routing', producer: 'router', schema: ItemRoutedV1 },
} as const;
