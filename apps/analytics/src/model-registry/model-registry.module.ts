import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ModelRegistryService } from './model-registry.service';
import { ModelVersionEntity } from './model-version.entity';
import { ModelVersionResolver } from './model-version.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([ModelVersionEntity])],
  providers: [ModelRegistryService, ModelVersionResolver],
  exports: [ModelRegistryService],
})
export class ModelRegistryModule {}
