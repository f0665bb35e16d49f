// Imports and exports off the main thread: a county's shapefile or a 220 km reach's deliverables
// are parsed and written here, so the map stays responsive.
import type { FilesRequest } from './files-protocol';
import { runFilesRequest } from './run-files-request';

self.onmessage = (event: MessageEvent<{ id: number; request: FilesRequest }>) => {
  const { id, request } = event.data;
  try {
    self.postMessage({ id, answer: runFilesRequest(request) });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
