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

  /** The strongest findings (highest lift) first, optionally of one category. */
  strongest(first: number, category?: ExceptionCategory | null): Promise<RootCauseFindingEntity[]> {
    return this.findings.find({
      where: category ? { category } : {},
      order: { lift: 'DESC', detectedAt: 'DESC', id: 'ASC' },
      take: first,
    });
  }
}
