import shipped from './triage-model.json';
import { parseTriageArtifact, TextTriageModel, type TriageModelArtifact } from './text-triage-model';

let artifact: TriageModelArtifact | undefined;

/**
 * The text-triage model that ships with ordex (`triage-model.json`, written by
 * `npm run train:triage`). The JSON is imported rather than read from disk so that the build
 * carries it into dist/ beside this module; it is checked once, on first use.
 */
export function loadShippedTriage(options: { threshold?: number } = {}): TextTriageModel {
  artifact ??= parseTriageArtifact(shipped);
  return new TextTriageModel(artifact, options);
}
