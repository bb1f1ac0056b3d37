import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProcessVariantEntity } from './process-variant.entity';
import { ProcessVariantResolver } from './process-variant.resolver';
import { ProcessVariantsService } from './process-variants.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProcessVariantEntity])],
  providers: [ProcessVariantsService, ProcessVariantResolver],
  exports: [ProcessVariantsService],
})
export class VariantsModule {}
