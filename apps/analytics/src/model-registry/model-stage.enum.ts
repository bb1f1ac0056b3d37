import { AnalyticsSchema } from '../analytics-schema.scope';
import { registerEnumType } from '@nestjs/graphql';

/** Where a model version stands. The migration's CHECK lists the same values. */
export enum ModelStage {
  CHAMPION = 'CHAMPION',
  SHADOW = 'SHADOW',
  RETIRED = 'RETIRED',
}

registerEnumType(ModelStage, {
  registerIn: AnalyticsSchema,
  name: 'ModelStage',
  valuesMap: {
    CHAMPION: { description: "Serves the model's predictions; at most one version per model." },
    SHADOW: { description: 'Scores beside the champion; its output is recorded, never used.' },
    RETIRED: { description: 'No longer runs; kept for the record.' },
  },
});
