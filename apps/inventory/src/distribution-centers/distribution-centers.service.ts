import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { DistributionCenter } from '@ordex/contracts';
import { byKeys } from '@ordex/platform';
import { In, Repository, EntityManager } from 'typeorm';
import { DistributionCenterEntity } from './distribution-center.entity';

@Injectable()
export class DistributionCentersService {
  constructor(
    @InjectRepository(DistributionCenterEntity)
    private readonly centers: Repository<DistributionCenterEntity>,
  ) {}

  async byCodes(codes: readonly string[]): Promise<(DistributionCenterEntity | null)[]> {
    const rows = await this.centers.findBy({ code: In([...codes]) });
    return byKeys(codes, rows, (dc) => dc.code, null);
  }

  all(): Promise<DistributionCenterEntity[]> {
    return this.centers.find({ order: { code: 'ASC' } });
  }

  /** Applies a distribution centre record from the ERP (the ERP's record replaces ours). */
  async applyDistributionCenterChanged(dc: DistributionCenter, tx: EntityManager): Promise<void> {
    await tx.upsert(DistributionCenterEntity, { code: dc.code, name: dc.name, region: dc.region }, ['code']);
  }
}
