/** A start-up setting is missing or wrong. Its message is one line naming the setting. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}
