/**
 * An error in user input. `field` names the offending input (a config path such as
 * `schedule[3]` or a CLI option) so the message can say exactly what to fix.
 */
export class InputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'InputError';
    this.field = field;
  }
}

/** A run whose numbers stopped being finite: reported with the episode where it happened. */
export class DivergenceError extends Error {
  readonly episode: number;

  constructor(episode: number, what: string) {
    super(`diverged at episode ${episode} (${what} is no longer finite)`);
    this.name = 'DivergenceError';
    this.episode = episode;
  }
}
