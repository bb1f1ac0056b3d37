import { migrateServiceSchema, serviceDataSourceOptions } from '@ordex/platform';
import { createTestDatabase } from '@ordex/testing';
import { DataSource } from 'typeorm';
import { analyticsSubgraph } from './subgraph';

/** A throwaway PostgreSQL database with the analytics schema migrated, and how to drop it. */
export async function analyticsTestDatabase(): Promise<{ db: DataSource; close: () => Promise<void> }> {
  const database = await createTestDatabase();
  const db = await new DataSource(
    serviceDataSourceOptions({
      schema: 'analytics',
      entities: analyticsSubgraph.entities,
      migrations: analyticsSubgraph.migrations,
      url: database.url,
    }),
  ).initialize();
  await migrateServiceSchema(db, 'analytics', { lock: true });
  return {
    db,
    close: async () => {
      await db.destroy();
      await database.drop();
    },
  };
}
