import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentStaff, Public, StaffOnly, StaffRoles, type StaffPrincipal } from '@app/auth';
import { correlationIdOf } from '@app/observability';
import { ChangePasswordDto, LoginDto, RefreshDto, SessionDto, StaffUserDto } from './auth.dto';
import { ChangePasswordUseCase } from './change-password.use-case';
import { GetMeUseCase } from './get-me.use-case';
import { LoginUseCase } from './login.use-case';
import { LogoutUseCase } from './logout.use-case';
import { RefreshSessionUseCase } from './refresh-session.use-case';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly login: LoginUseCase,
    private readonly refresh: RefreshSessionUseCase,
    private readonly logout: LogoutUseCase,
    private readonly me: GetMeUseCase,
    private readonly changePassword: ChangePasswordUseCase,
  ) {}

  /** Staff sign-in (工作人员登录): an access token and a single-use refresh token. */
  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiResponse({ status: 200, type: SessionDto })
  @ApiResponse({ status: 401, description: 'AUTH.INVALID_CREDENTIALS' })
  @ApiResponse({ status: 429, description: 'AUTH.TOO_MANY_ATTEMPTS' })
  signIn(@Body() body: LoginDto, @Req() req: Request): Promise<SessionDto> {
    return this.login.execute({
      username: body.username,
      password: body.password,
      clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      correlationId: correlationIdOf(req),
    });
  }

  /** A new token pair for a refresh token; the presented token is used up (rotation). */
  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiResponse({ status: 200, type: SessionDto })
  @ApiResponse({ status: 401, description: 'AUTH.INVALID_REFRESH_TOKEN' })
  renew(@Body() body: RefreshDto): Promise<SessionDto> {
    return this.refresh.execute(body.refreshToken);
  }

  /** Sign-out: the session's refresh tokens stop working (access tokens expire on their own). */
  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiResponse({ status: 204 })
  async signOut(@Body() body: RefreshDto): Promise<void> {
    await this.logout.execute(body.refreshToken);
  }

  /** The signed-in staff member. */
  @Get('me')
  @StaffOnly(...StaffRoles)
  @ApiResponse({ status: 200, type: StaffUserDto })
  whoAmI(@CurrentStaff() staff: StaffPrincipal): Promise<StaffUserDto> {
    return this.me.execute(staff);
  }

  /** Change one's own password (修改密码); all of one's sessions must sign in again. */
  @Post('password')
  @StaffOnly(...StaffRoles)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiResponse({ status: 204 })
  @ApiResponse({ status: 400, description: 'AUTH.CURRENT_PASSWORD_WRONG, AUTH.WEAK_PASSWORD' })
  async setPassword(@CurrentStaff() staff: StaffPrincipal, @Body() body: ChangePasswordDto): Promise<void> {
    await this.changePassword.execute(staff, body.currentPassword, body.newPassword);
  }
}
