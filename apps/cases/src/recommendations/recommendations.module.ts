import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseRecommendationsResolver } from './case-recommendations.resolver';
import { RecommendationEntity } from './recommendation.entity';
import { RecommendationsService } from './recommendations.service';

@Module({
  imports: [TypeOrmModule.forFeature([RecommendationEntity])],
  providers: [RecommendationsService, CaseRecommendationsResolver],
  exports: [RecommendationsService],
})
export class RecommendationsModule {}
