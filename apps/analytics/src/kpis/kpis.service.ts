import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { KpiPointEntity } from './kpi-point.entity';

@Injectable()
export class KpisService {
  constructor(@InjectRepository(KpiPointEntity) private readonly points: Repository<KpiPointEntity>) {}

  /** A KPI's points in time order, buckets starting in [from, to). */
  series(kpi: string, from?: Date, to?: Date): Promise<KpiPointEntity[]> {
    const query = this.points
      .createQueryBuilder('p')
      .where('p.kpi = :kpi', { kpi })
      .orderBy('p.bucket_start', 'ASC')
      .addOrderBy('p.dimension', 'ASC');
    if (from) query.andWhere('p.bucket_start >= :from', { from });
    if (to) query.andWhere('p.bucket_start < :to', { to });
    return query.getMany();
  }
}
