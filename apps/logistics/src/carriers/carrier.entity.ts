import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'carrier' })
export class CarrierEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;
}
