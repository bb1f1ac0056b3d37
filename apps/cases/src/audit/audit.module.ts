import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditTrailResolver } from './audit-trail.resolver';
import { AuditTrailService } from './audit-trail.service';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  providers: [AuditTrailService, AuditTrailResolver],
  exports: [AuditTrailService],
})
export class AuditModule {}
