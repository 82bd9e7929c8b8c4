import type { OpenFile } from '../modules/uploads/upload.types';

/** A stored upload as the pipeline re-opens it, cut into chunks of `size` bytes (to test chunk seams). */
export function openBytes(content: string | Uint8Array, size = 64 * 1024): OpenFile {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return async function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  };
}
