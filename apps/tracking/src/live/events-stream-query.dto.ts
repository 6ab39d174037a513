import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The stream takes no input but the token; anything else in the query is refused (400). */
export class EventsStreamQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  access_token?: string;
}
