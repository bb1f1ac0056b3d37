import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Product } from '@ordex/contracts';
import { byKeys } from '@ordex/platform';
import { In, Repository, EntityManager } from 'typeorm';
import { ProductEntity } from './product.entity';

@Injectable()
export class ProductsService {
  constructor(@InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>) {}

  async bySkus(skus: readonly string[]): Promise<(ProductEntity | null)[]> {
    const rows = await this.products.findBy({ sku: In([...skus]) });
    return byKeys(skus, rows, (p) => p.sku, null);
  }

  list(first: number, after?: string, skus?: readonly string[]): Promise<ProductEntity[]> {
    const query = this.products.createQueryBuilder('p').orderBy('p.sku', 'ASC').limit(first);
    if (after) query.andWhere('p.sku > :after', { after });
    if (skus) query.andWhere('p.sku = ANY(:skus)', { skus: [...skus] });
    return query.getMany();
  }

  /** Applies a product master record from the ERP (the ERP's record replaces ours). */
  async applyProductChanged(product: Product, tx: EntityManager): Promise<void> {
    await tx.upsert(
      ProductEntity,
      {
        sku: product.sku,
        name: product.name,
        family: product.family,
        unitOfMeasure: product.unitOfMeasure,
        weightKg: product.weightKg,
        volumeM3: product.volumeM3 ?? null,
        unitCost: product.unitCost,
        listPrice: product.listPrice,
        substitutes: product.substitutes,
      },
      ['sku'],
    );
  }
}
