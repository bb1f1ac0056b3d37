import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErpIntake } from '@ordex/platform';
import { CapacityService } from '../capacity/capacity.service';
import { CarriersService } from '../carriers/carriers.service';

/** Keeps the carrier master and carriers' capacity per DC and date current from the ERP's events. */
@Injectable()
export class ApplyErpEventsListener implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    private readonly carriers: CarriersService,
    private readonly capacity: CapacityService,
  ) {}

  onModuleInit(): void {
    this.intake.register('logistics-erp-intake', {
      'erp.carrier.changed.v1': (payload, _event, tx) => this.carriers.applyCarrierChanged(payload, tx),
      'erp.carrier.capacity-changed.v1': (payload, _event, tx) =>
        this.capacity.applyCapacityChanged(payload, tx),
    });
  }
}
