import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { groupByKeys } from '@ordex/platform';
import { In, Repository } from 'typeorm';
import { ErpCommandEntity } from './erp-command.entity';
import { OrderHoldEntity } from './order-hold.entity';

/** Reads of holds and commands for the request's loaders: one query per batch of orders. */
@Injectable()
export class HoldsService {
  constructor(
    @InjectRepository(OrderHoldEntity) private readonly holds: Repository<OrderHoldEntity>,
    @InjectRepository(ErpCommandEntity) private readonly commands: Repository<ErpCommandEntity>,
  ) {}

  /** Each order's holds, newest first. */
  async holdsByOrders(numbers: readonly string[]): Promise<OrderHoldEntity[][]> {
    const rows = await this.holds.find({
      where: { orderNumber: In([...numbers]) },
      order: { requestedAt: 'DESC', seq: 'DESC' },
    });
    return groupByKeys(numbers, rows, (h) => h.orderNumber);
  }

  /** Each order's ERP commands, newest first. */
  async commandsByOrders(numbers: readonly string[]): Promise<ErpCommandEntity[][]> {
    const rows = await this.commands.find({
      where: { orderNumber: In([...numbers]) },
      order: { requestedAt: 'DESC', seq: 'DESC' },
    });
    return groupByKeys(numbers, rows, (c) => c.orderNumber);
  }
}
