import { IsOptional, IsString } from 'class-validator';

export class EventsStreamQueryDto {
  /** Read by the access guard (AcceptsQueryToken); declared here so that only it is allowed. */
  @IsOptional()
  @IsString()
  access_token?: string;
}
