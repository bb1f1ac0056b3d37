import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Partner } from '@ordex/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { ErpIntake } from '../events/erp-intake.service';
import { groupByKeys, type GraphQLRequestContext } from '../graphql/loader-registry';

/**
 * What a partner system may see: the customers the ERP says it acts for (`erp.partner.changed.v1`),
 * kept in the service's own schema. A service whose data belongs to customers narrows every
 * query of a partner identity with {@link customerScope}; other identities are not narrowed.
 */
@Injectable()
export class PartnerDirectory implements OnModuleInit {
  constructor(
    private readonly intake: ErpIntake,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private get schema(): string {
    return this.dataSource.driver.schema ?? 'public';
  }

  onModuleInit(): void {
    this.intake.register(`${this.schema}-partners`, {
      'erp.partner.changed.v1': (partner, _event, tx) => this.apply(partner, tx),
    });
  }

  /** Replaces a partner's record and customer list with the ERP's. */
  async apply(partner: Partner, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO "${this.schema}"."partner" (id, name) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()`,
      [partner.id, partner.name],
    );
    await tx.query(`DELETE FROM "${this.schema}"."partner_customer" WHERE partner_id = $1`, [partner.id]);
    await tx.query(
      `INSERT INTO "${this.schema}"."partner_customer" (partner_id, customer_id)
       SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [partner.id, partner.customerIds],
    );
  }

  /**
   * The customers the request's identity may see: `undefined` for ordex's own teams (no
   * narrowing), the partner's customers (possibly none) for a partner system. Asked once per
   * request.
   */
  async customerScope(ctx: GraphQLRequestContext): Promise<readonly string[] | undefined> {
    const partnerId = ctx.identity.partnerId;
    if (partnerId === undefined) return undefined;
    const loader = ctx.loaders.get('platform.partnerCustomers', async (ids: readonly string[]) => {
      const rows: { partner_id: string; customer_id: string }[] = await this.dataSource.query(
        `SELECT partner_id, customer_id FROM "${this.schema}"."partner_customer" WHERE partner_id = ANY($1)`,
        [[...ids]],
      );
      return groupByKeys(ids, rows, (row) => row.partner_id).map((group) =>
        group.map((row) => row.customer_id),
      );
    });
    return loader.load(partnerId);
  }
}
