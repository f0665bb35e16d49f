// The document pool's worker thread: builds one document per message (src/server/documents/document-jobs.ts).
import { parentPort } from 'node:worker_threads';
import { type DocumentJob, runDocumentJob } from './document-jobs';

parentPort?.on('message', async (m: DocumentJob & { id: number }) => {
  try {
    parentPort?.postMessage({ id: m.id, result: await runDocumentJob(m) });
  } catch (err) {
    parentPort?.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
  }
});
