// Types for comlink's Node adapter sub-path (its own .d.ts sits beside a .mjs that TS cannot pair).
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';

  interface NodeEndpoint {
    postMessage(message: unknown, transfer?: readonly unknown[]): void;
    on(type: string, listener: (value: unknown) => void, options?: object): void;
    off(type: string, listener: (value: unknown) => void, options?: object): void;
    start?: () => void;
  }
  export default function nodeEndpoint(endpoint: NodeEndpoint): Endpoint;
}
