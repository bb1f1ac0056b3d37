import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErpIntake, PermanentEventError } from '@ordex/platform';
import { CapacityService } from '../capacity/capacity.service';
import { capacityChangedProblem } from '../capacity/domain/capacity-changed.util';
import { CarriersService } from '../carriers/carriers.service';
import { carrierChangedProblem } from '../carriers/domain/carrier-changed.util';
import { productDimensionProblem } from '../products/domain/product-dimension.util';
import { ProductDimensionsService } from '../products/product-dimensions.service';
import { routingRuleProblem } from '../routing/domain/routing-rule.util';
import { RoutingService } from '../routing/routing.service';

/**
 * Keeps carriers (with their depots and lanes), their capacity per DC and date, customers' routing
 * rules and products' weights current from the ERP's events. An event whose content cannot be
 * planned with (a bad time zone, a negative weight…) is dead-lettered with the reason.
 */
@Injectable()
export class ApplyErpEventsListener implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    private readonly carriers: CarriersService,
    private readonly capacity: CapacityService,
    private readonly routing: RoutingService,
    private readonly dimensions: ProductDimensionsService,
  ) {}

  onModuleInit(): void {
    this.intake.register('logistics-erp-intake', {
      // v1 events arrive upcast: no depots and no lanes, which clears the carrier's.
      'erp.carrier.changed.v2': (payload, _event, tx) =>
        this.carriers.applyCarrierChanged(valid(payload, carrierChangedProblem), tx),
      'erp.carrier.capacity-changed.v1': (payload, _event, tx) =>
        this.capacity.applyCapacityChanged(valid(payload, capacityChangedProblem), tx),
      'erp.routing-rule.changed.v1': (payload, _event, tx) =>
        this.routing.applyRoutingRuleChanged(valid(payload, routingRuleProblem), tx),
      'erp.product.changed.v1': {
        batch: (events, tx) => {
          for (const event of events) valid(event.data, productDimensionProblem);
          return this.dimensions.applyProductsChanged(events, tx);
        },
      },
    });
  }
}

function valid<T>(payload: T, problemOf: (payload: T) => string | null): T {
  const problem = problemOf(payload);
  if (problem) throw new PermanentEventError(problem);
  return payload;
}
