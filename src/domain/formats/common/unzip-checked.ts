import { unzipSync } from 'fflate';
import { type Message, msg } from '../../message';

/** A zip may inflate to at most this much (declared sizes are checked before inflating). */
const MAX_UNZIPPED_BYTES = 1024 ** 3;

/**
 * Lists a zip's entries and inflates them, refusing before inflating when the declared sizes add up
 * to more than MAX_UNZIPPED_BYTES.
 * @example unzipChecked(bytes, 'a.zip') // { ok: true, files: { 'a.shp': Uint8Array … } }
 */
export function unzipChecked(
  bytes: Uint8Array,
  name: string,
): { ok: true; files: Record<string, Uint8Array> } | { ok: false; errors: Message[] } {
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        declared += f.originalSize;
        return false;
      },
    });
    if (declared > MAX_UNZIPPED_BYTES) {
      const gb = (declared / 1024 ** 3).toFixed(1);
      return { ok: false, errors: [msg('formats.zip.tooBig', { file: name, gb })] };
    }
    return { ok: true, files: unzipSync(bytes) };
  } catch (e) {
    return {
      ok: false,
      errors: [msg('formats.zip.unreadable', { file: name, detail: (e as Error).message })],
    };
  }
}
