declare module 'fontkit' {
  /** Opens a font from its bytes. */
  export function create(data: Uint8Array): unknown;
}
