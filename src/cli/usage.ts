import leven from 'leven';

/** A mistake in how the command was typed (exit 2), as opposed to a problem in the content (exit 1). */
export class UsageError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
    this.name = 'UsageError';
  }
}

/** The closest of `choices` to what was typed, when it is close enough to be a typo. */
export function closest(typed: string, choices: string[]): string | undefined {
  const prefixed = choices.filter((choice) => typed.length >= 2 && choice.startsWith(typed));
  if (prefixed.length === 1) return prefixed[0];
  let best: { choice: string; distance: number } | undefined;
  for (const choice of choices) {
    const distance = leven(typed, choice);
    if (!best || distance < best.distance) best = { choice, distance };
  }
  if (!best) return undefined;
  const allowed = Math.max(2, Math.floor(best.choice.length / 3));
  return best.distance <= allowed ? best.choice : undefined;
}

/** ` Did you mean "x"?` when a choice is close, or nothing. */
export function didYouMean(typed: string, choices: string[], format: (choice: string) => string = (c) => `"${c}"`): string {
  const choice = closest(typed, choices);
  return choice ? ` Did you mean ${format(choice)}?` : '';
}

/** Reads `--workers`: a whole number (0 renders in the main thread). */
export function parseWorkers(value: unknown): number {
  const text = String(value);
  if (value === true || !/^\d+$/.test(text)) {
    throw new UsageError(`--workers must be a whole number, not "${value === true ? '' : text}".`, 'For example `--workers 2`, or `--workers 0` to render in the main thread; leave it out for one worker per core.');
  }
  return Number(text);
}
