import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErpIntake } from '@ordex/platform';
import { CarriersService } from '../carriers/carriers.service';

/** Keeps the carrier master current from the ERP's events. */
@Injectable()
export class ApplyErpEventsListener implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    private readonly carriers: CarriersService,
  ) {}

  onModuleInit(): void {
    this.intake.register('logistics-erp-intake', {
      'erp.carrier.changed.v1': (payload, _event, tx) => this.carriers.applyCarrierChanged(payload, tx),
    });
  }
}
