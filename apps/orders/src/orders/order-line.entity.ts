import { numericTransformer } from '@ordex/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'order_line' })
export class OrderLineEntity {
  @PrimaryColumn({ name: 'order_number', type: 'text' })
  orderNumber: string;

  @PrimaryColumn({ name: 'line_no', type: 'int' })
  lineNo: number;

  @Column({ type: 'text' })
  sku: string;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ name: 'unit_price', type: 'numeric', precision: 14, scale: 4, transformer: numericTransformer })
  unitPrice: number;
}
