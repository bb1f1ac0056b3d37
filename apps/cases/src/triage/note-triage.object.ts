import { Field, Float, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { ExceptionCategory, Team } from '@ordex/contracts';
import { CasesSchema } from '../cases-schema.scope';

@ObjectType('NoteTriage', {
  registerIn: CasesSchema,
  description:
    "How the order's notes (the customer's remarks, the order desk's and the ERP's hold notes) were last read into the exception taxonomy, so that the note reaches the team that owns it.",
})
export class NoteTriageObject {
  @Field({ description: 'The notes as triaged: their first 2,000 characters.' })
  text: string;

  @Field(() => ExceptionCategory, {
    nullable: true,
    description: 'What the notes are about; null when the triage was not confident, and a person reads them.',
  })
  category: ExceptionCategory | null;

  @Field(() => Float, {
    description: "The best category's probability (the LLM's own figure when an LLM decided), from 0 to 1.",
  })
  confidence: number;

  @Field({ description: "What decided: 'model' (the shipped model), 'llm' or 'rules'." })
  source: string;

  @Field(() => String, {
    nullable: true,
    description: "The triage model's version or the LLM's model name; null for rules.",
  })
  modelVersion: string | null;

  @Field(() => Team, {
    nullable: true,
    description:
      "The team that owns the category, as it owns the category's exceptions; null without a category.",
  })
  team: Team | null;

  @Field({
    description:
      "Whether the category is one of the case's open exceptions' categories, as of the last evaluation.",
  })
  matchesDetected: boolean;

  @Field(() => GraphQLISODateTime)
  triagedAt: Date;
}
