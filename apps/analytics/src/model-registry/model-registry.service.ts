import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ModelVersionEntity } from './model-version.entity';

@Injectable()
export class ModelRegistryService {
  constructor(
    @InjectRepository(ModelVersionEntity) private readonly versions: Repository<ModelVersionEntity>,
  ) {}

  /** Versions by model, newest first within each; only one model's when given. */
  versionsOf(model?: string | null): Promise<ModelVersionEntity[]> {
    return this.versions.find({
      where: model ? { model } : {},
      order: { model: 'ASC', createdAt: 'DESC', version: 'DESC' },
    });
  }
}
