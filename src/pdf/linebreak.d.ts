declare module 'linebreak' {
  /** A place where a line may (or must) break: before `position`. */
  interface Break {
    position: number;
    required: boolean;
  }
  /** The Unicode line-breaking algorithm (UAX #14) over a string. */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
