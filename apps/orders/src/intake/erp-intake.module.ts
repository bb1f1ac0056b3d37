import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { HoldsModule } from '../holds/holds.module';
import { OrdersModule } from '../orders/orders.module';
import { ApplyErpEventsListener } from './apply-erp-events.listener';
import { ErpEventSubmissionService } from './erp-event-submission.service';
import { SubmitErpEventsResolver } from './submit-erp-events.resolver';

@Module({
  imports: [CustomersModule, OrdersModule, HoldsModule],
  providers: [ApplyErpEventsListener, ErpEventSubmissionService, SubmitErpEventsResolver],
})
export class ErpIntakeModule {}
