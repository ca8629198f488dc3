/**
 * Codecs transform payload strings after conversion (compression, encryption). The worker and the
 * client apply them; the deterministic runtime only ever sees decoded strings.
 */
export interface PayloadCodec {
  encode(payload: string): Promise<string>;
  decode(payload: string): Promise<string>;
}

/** One codec from many: encodes in the given order and decodes in reverse, e.g. `[gzip, aes]`. */
export function chainCodecs(codecs: readonly PayloadCodec[]): PayloadCodec {
  const chain = [...codecs];
  return {
    async encode(payload: string): Promise<string> {
      let result = payload;
      for (const codec of chain) result = await codec.encode(result);
      return result;
    },
    async decode(payload: string): Promise<string> {
      let result = payload;
      for (const codec of [...chain].reverse()) result = await codec.decode(result);
      return result;
    },
  };
}
