// The imagery layers in the memory twin (see sqlite-imagery.ts).
import type { ImageryLayer } from '../../contract/imagery';
import type { Store } from './store';

type Write = (at: string, actor: string, action: string, target: string, detail: unknown) => void;

/** listImagery, addImagery and setImageryPublic in memory; copies in and out. */
export function memoryImagery(
  write: Write,
  clock: () => Date,
): Pick<Store, 'listImagery' | 'addImagery' | 'setImageryPublic'> {
  const layers: ImageryLayer[] = [];
  return {
    async listImagery() {
      // oldest first, as SQLite's ORDER BY added_at, id
      const key = (l: ImageryLayer) => `${l.addedAt}\u0000${l.id}`;
      return structuredClone(layers).sort((a, b) => (key(a) < key(b) ? -1 : 1));
    },
    async addImagery(layer, actor) {
      if (layers.some((l) => l.id === layer.id)) return false;
      layers.push(structuredClone(layer));
      write(clock().toISOString(), actor, 'imagery.add', `imagery:${layer.id}`, {
        name: layer.name,
        file: layer.file,
        public: layer.public,
        bounds: layer.bounds,
      });
      return true;
    },
    async setImageryPublic(id, isPublic, actor) {
      const i = layers.findIndex((l) => l.id === id);
      const old = layers[i];
      if (!old) return null;
      const layer = { ...old, public: isPublic };
      layers[i] = layer;
      write(clock().toISOString(), actor, 'imagery.public', `imagery:${id}`, { public: isPublic });
      return structuredClone(layer);
    },
  };
}
