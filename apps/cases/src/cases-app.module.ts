import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { CasesModule } from './cases/cases.module';

@Module({ imports: [CasesModule, AuditModule] })
export class CasesAppModule {}
