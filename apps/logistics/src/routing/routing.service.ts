import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { RoutingRule } from '@ordex/contracts';
import { byKeys } from '@ordex/platform';
import { EntityManager, In, Repository } from 'typeorm';
import { RoutingRuleEntity } from './routing-rule.entity';

@Injectable()
export class RoutingService {
  constructor(@InjectRepository(RoutingRuleEntity) private readonly rules: Repository<RoutingRuleEntity>) {}

  async rulesByCustomerIds(customerIds: readonly string[]): Promise<(RoutingRuleEntity | null)[]> {
    const rows = await this.rules.findBy({ customerId: In([...customerIds]) });
    return byKeys(customerIds, rows, (r) => r.customerId, null);
  }

  /** Applies a customer's routing rule from the ERP (the ERP's rule replaces ours). Validated by the caller. */
  async applyRoutingRuleChanged(rule: RoutingRule, tx: EntityManager): Promise<void> {
    await tx.upsert(
      RoutingRuleEntity,
      {
        customerId: rule.customerId,
        shipComplete: rule.shipComplete,
        allowedDcs: rule.allowedDcs,
        preferredDc: rule.preferredDc ?? null,
        deliveryWindows: rule.deliveryWindows.map((w) => ({
          weekday: w.weekday,
          opensAt: w.opensAt,
          closesAt: w.closesAt,
        })),
        allowedCarriers: rule.allowedCarriers,
        excludedCarriers: rule.excludedCarriers,
      },
      ['customerId'],
    );
  }
}
