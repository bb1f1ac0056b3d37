import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ProcessVariantEntity } from './process-variant.entity';

@Injectable()
export class ProcessVariantsService {
  constructor(
    @InjectRepository(ProcessVariantEntity) private readonly variants: Repository<ProcessVariantEntity>,
  ) {}

  /** An object type's most travelled paths first. */
  mostFrequent(objectType: string, first: number): Promise<ProcessVariantEntity[]> {
    return this.variants.find({
      where: { objectType },
      order: { caseCount: 'DESC', id: 'ASC' },
      take: first,
    });
  }
}
