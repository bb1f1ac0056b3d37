import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { byKeys } from '@ordex/platform';
import { In, Repository } from 'typeorm';
import { RoutingRuleEntity } from './routing-rule.entity';

@Injectable()
export class RoutingService {
  constructor(@InjectRepository(RoutingRuleEntity) private readonly rules: Repository<RoutingRuleEntity>) {}

  async rulesByCustomerIds(customerIds: readonly string[]): Promise<(RoutingRuleEntity | null)[]> {
    const rows = await this.rules.findBy({ customerId: In([...customerIds]) });
    return byKeys(customerIds, rows, (r) => r.customerId, null);
  }
}
