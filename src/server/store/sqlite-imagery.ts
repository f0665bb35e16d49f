// The imagery layers (影像底图) in SQLite: one JSON record per layer, audited in the same transaction.
import type Database from 'better-sqlite3';
import type { ImageryLayer } from '../../contract/imagery';
import type { AuditWriter } from './sqlite-accounts';
import type { Store } from './store';

type ImageryMethods = Pick<Store, 'listImagery' | 'addImagery' | 'setImageryPublic'>;

/** listImagery, addImagery and setImageryPublic over `db`. */
export function imageryMethods(
  db: Database.Database,
  audit: AuditWriter,
  clock: () => Date,
): ImageryMethods {
  const list = db.prepare('SELECT record FROM imagery ORDER BY added_at, id');
  const one = db.prepare('SELECT record FROM imagery WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO imagery (id, record, added_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  const update = db.prepare('UPDATE imagery SET record = ? WHERE id = ?');
  const add = db.transaction((layer: ImageryLayer, actor: string) => {
    const done = insert.run(layer.id, JSON.stringify(layer), layer.addedAt).changes === 1;
    if (done)
      audit(clock().toISOString(), actor, 'imagery.add', `imagery:${layer.id}`, {
        name: layer.name,
        file: layer.file,
        public: layer.public,
        bounds: layer.bounds,
      });
    return done;
  });
  const setPublic = db.transaction((id: string, isPublic: boolean, actor: string) => {
    const row = one.get(id) as { record: string } | undefined;
    if (!row) return null;
    const layer = { ...(JSON.parse(row.record) as ImageryLayer), public: isPublic };
    update.run(JSON.stringify(layer), id);
    audit(clock().toISOString(), actor, 'imagery.public', `imagery:${id}`, { public: isPublic });
    return layer;
  });
  return {
    async listImagery() {
      return (list.all() as { record: string }[]).map((r) => JSON.parse(r.record) as ImageryLayer);
    },
    async addImagery(layer, actor) {
      return add.immediate(layer, actor);
    },
    async setImageryPublic(id, isPublic, actor) {
      return setPublic.immediate(id, isPublic, actor);
    },
  };
}
