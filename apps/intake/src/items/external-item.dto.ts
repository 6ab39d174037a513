import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { SubmitItemDto } from './submit-item.dto';

/**
 * An item that already has an id at its sender (a hotline platform's ticket, a suggestion-box slip, a forum
 * post): the common item plus that id, which makes resending it harmless.
 */
export class ExternalItemDto extends SubmitItemDto {
  @ApiProperty({
    example: '12345-20261125-0001',
    description: '来源方的编号（同一来源内唯一），重复推送不会重复受理',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Matches(/^[\p{L}\p{N}_.:/-]+$/u, { message: 'externalId may contain letters, digits and . _ : / - only' })
  externalId: string;
}
