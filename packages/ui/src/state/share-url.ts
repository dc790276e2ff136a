// The scenario in the URL: JSON, deflated (the browser's CompressionStream) and base64url
// encoded in the fragment, so a link reproduces a run. Links are untrusted input: the
// payload is size-limited, decoded as data only, and validated like any scenario.
import { parseJsonText } from '@sarcsim/model/scenario';

/** Longest encoded payload accepted (characters); a full custom scenario needs a few kB. */
export const MAX_SHARED_CHARS = 16_000;
/** Longest decompressed JSON accepted (bytes), against decompression bombs. */
export const MAX_SHARED_JSON_BYTES = 200_000;

const PREFIX = '#s=';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`the shared scenario is larger than ${limit.toLocaleString('en-US')} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export async function encodeScenario(scenario: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(scenario));
  return `${PREFIX}${toBase64Url(await pipe(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY))}`;
}

/** The scenario JSON in a URL fragment; undefined when the fragment holds none. Throws with a reason when it is unusable. */
export async function decodeScenario(hash: string): Promise<unknown> {
  if (!hash.startsWith(PREFIX)) return undefined;
  const payload = hash.slice(PREFIX.length);
  if (payload.length > MAX_SHARED_CHARS) {
    throw new Error(
      `the link's scenario is ${payload.length.toLocaleString('en-US')} characters; at most ${MAX_SHARED_CHARS.toLocaleString('en-US')} are accepted`,
    );
  }
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) throw new Error('the link is damaged (unexpected characters in the scenario)');
  let json: Uint8Array;
  try {
    json = await pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw'), MAX_SHARED_JSON_BYTES);
  } catch (error) {
    throw new Error(`the link is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return parseJsonText(new TextDecoder().decode(json));
  } catch (error) {
    throw new Error(`the link is damaged (the scenario is ${error instanceof Error ? error.message : 'not JSON'})`);
  }
}
