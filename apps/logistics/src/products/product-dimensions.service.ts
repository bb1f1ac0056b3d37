import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EventEnvelope, Product } from '@ordex/contracts';
import { byKeys } from '@ordex/platform';
import { EntityManager, In, Repository } from 'typeorm';
import { ProductDimensionEntity } from './product-dimension.entity';

@Injectable()
export class ProductDimensionsService {
  constructor(
    @InjectRepository(ProductDimensionEntity) private readonly dimensions: Repository<ProductDimensionEntity>,
  ) {}

  async bySkus(skus: readonly string[]): Promise<(ProductDimensionEntity | null)[]> {
    const rows = await this.dimensions.findBy({ sku: In([...skus]) });
    return byKeys(skus, rows, (d) => d.sku, null);
  }

  /**
   * Keeps the weight and volume of products the ERP changed, in one statement for the batch
   * (the intake never batches two events of one SKU). Validated by the caller.
   */
  async applyProductsChanged(events: EventEnvelope<Product>[], tx: EntityManager): Promise<void> {
    const products = events.map((e) => e.data);
    await tx.query(
      `INSERT INTO "logistics"."product_dimension" (sku, weight_kg, volume_m3)
       SELECT * FROM unnest($1::text[], $2::numeric[], $3::numeric[])
       ON CONFLICT (sku) DO UPDATE SET weight_kg = EXCLUDED.weight_kg, volume_m3 = EXCLUDED.volume_m3`,
      [products.map((p) => p.sku), products.map((p) => p.weightKg), products.map((p) => p.volumeM3 ?? null)],
    );
  }
}
