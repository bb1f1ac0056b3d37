import { registerEnumType } from '@nestjs/graphql';
import {
  CaseStatus,
  CustomerSegment,
  CustomerTier,
  ExceptionCategory,
  OrderStatus,
  Region,
  Team,
  UnitOfMeasure,
} from '@ordex/contracts';

/**
 * Registers the canonical enums (generated from libs/contracts) with Nest's code-first schema
 * under their canonical names, so every subgraph publishes the same enum definitions.
 */
const CANONICAL_ENUMS = {
  CaseStatus,
  CustomerSegment,
  CustomerTier,
  ExceptionCategory,
  OrderStatus,
  Region,
  Team,
  UnitOfMeasure,
};

for (const [name, values] of Object.entries(CANONICAL_ENUMS)) {
  registerEnumType(values, { name });
}
