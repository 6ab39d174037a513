import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '@app/auth';
import { PreviewRequestDto, PreviewResponseDto } from './preview.dto';
import { PreviewRouteUseCase } from './preview-route.use-case';

@ApiTags('routing')
@Controller('api/v1/routing/preview')
export class PreviewController {
  constructor(private readonly preview: PreviewRouteUseCase) {}

  /** Which agency, category and unit a draft item would go to, and why (分拨预判). Nothing is created. */
  @Post()
  @HttpCode(200)
  @StaffOnly('clerk', 'committee', 'admin', 'supervisor', 'worker')
  @ApiResponse({ status: 200, type: PreviewResponseDto })
  execute(@Body() draft: PreviewRequestDto): Promise<PreviewResponseDto> {
    return this.preview.execute(draft);
  }
}
