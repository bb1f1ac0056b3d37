import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ExceptionCategory } from '@ordex/contracts';
import { Repository } from 'typeorm';
import { RootCauseFindingEntity } from './root-cause-finding.entity';

@Injectable()
export class RootCausesService {
  constructor(
    @InjectRepository(RootCauseFindingEntity) private readonly findings: Repository<RootCauseFindingEntity>,
  ) {}

  /** The strongest findings first (each category's rank 1, then rank 2…), optionally of one category. */
  strongest(first: number, category?: ExceptionCategory | null): Promise<RootCauseFindingEntity[]> {
    return this.findings.find({
      where: category ? { category } : {},
      order: { rank: 'ASC', adjustedPValue: 'ASC', lift: 'DESC', id: 'ASC' },
      take: first,
    });
  }
}
