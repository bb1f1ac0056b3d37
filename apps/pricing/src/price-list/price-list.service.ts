import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Product } from '@ordex/contracts';
import { byKeys } from '@ordex/platform';
import { In, Repository, EntityManager } from 'typeorm';
import { PriceListEntryEntity } from './price-list-entry.entity';

@Injectable()
export class PriceListService {
  constructor(
    @InjectRepository(PriceListEntryEntity) private readonly entries: Repository<PriceListEntryEntity>,
  ) {}

  async bySkus(skus: readonly string[]): Promise<(PriceListEntryEntity | null)[]> {
    const rows = await this.entries.findBy({ sku: In([...skus]) });
    return byKeys(skus, rows, (e) => e.sku, null);
  }

  /** Keeps the price-list fields of a product master record from the ERP. */
  async applyProductChanged(product: Product, tx: EntityManager): Promise<void> {
    await tx.upsert(
      PriceListEntryEntity,
      { sku: product.sku, family: product.family, listPrice: product.listPrice, unitCost: product.unitCost },
      ['sku'],
    );
  }
}
