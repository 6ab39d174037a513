import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { StaffRoles, type StaffRole } from '@app/auth';
import type { Agency } from '@app/contracts';

export class LoginDto {
  @ApiProperty({ example: 'clerk01', description: '用户名' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'Yimen@2026', description: '密码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ description: '登录或上次刷新时得到的刷新令牌' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  refreshToken: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: '当前密码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({ description: '新密码：至少 10 个字符，同时包含字母和数字，不含用户名' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  newPassword: string;
}

export class StaffUserDto {
  @ApiProperty({ example: 'ga-dc-01' })
  username: string;

  @ApiProperty({ example: '王伟', description: '姓名' })
  name: string;

  @ApiProperty({ enum: StaffRoles, example: 'worker' })
  role: StaffRole;

  @ApiProperty({ example: 'police' })
  agency: Agency;

  @ApiPropertyOptional({ example: 'ga-dc', nullable: true })
  unitId: string | null;
}

export class SessionDto {
  @ApiProperty({ description: '访问令牌 (Bearer, HS256 JWT)' })
  accessToken: string;

  @ApiProperty({ description: '刷新令牌（不透明，一次有效，刷新时轮换）' })
  refreshToken: string;

  @ApiProperty({ example: 900, description: '访问令牌有效秒数' })
  expiresIn: number;

  @ApiProperty({ type: StaffUserDto })
  user: StaffUserDto;
}
