import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { groupByKeys } from '@ordex/platform';
import { In, Repository } from 'typeorm';
import { RecommendationEntity } from './recommendation.entity';

@Injectable()
export class RecommendationsService {
  constructor(
    @InjectRepository(RecommendationEntity)
    private readonly recommendations: Repository<RecommendationEntity>,
  ) {}

  /** Each case's recommendations, best (rank 1) first. */
  async byCaseIds(caseIds: readonly string[]): Promise<RecommendationEntity[][]> {
    const rows = await this.recommendations.find({
      where: { caseId: In([...caseIds]) },
      order: { rank: 'ASC', id: 'ASC' },
    });
    return groupByKeys(caseIds, rows, (r) => r.caseId);
  }
}
