import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErpIntake } from '@ordex/platform';
import { ContractsService } from '../contracts/contracts.service';
import { CreditAccountsService } from '../credit-accounts/credit-accounts.service';
import { PriceListService } from '../price-list/price-list.service';

/** Keeps contracts, credit accounts and the price list current from the ERP's events. */
@Injectable()
export class ApplyErpEventsListener implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    private readonly contracts: ContractsService,
    private readonly credit: CreditAccountsService,
    private readonly priceList: PriceListService,
  ) {}

  onModuleInit(): void {
    this.intake.register('pricing-erp-intake', {
      'erp.contract.changed.v1': (payload, _event, tx) => this.contracts.applyContractChanged(payload, tx),
      'erp.credit.updated.v2': (payload, _event, tx) => this.credit.applyCreditUpdated(payload, tx),
      'erp.product.changed.v1': (payload, _event, tx) => this.priceList.applyProductChanged(payload, tx),
    });
  }
}
