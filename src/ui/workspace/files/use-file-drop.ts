import { type RefObject, useEffect, useRef, useState } from 'react';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * Files dropped anywhere on the map side of the page (the map and the panel over it; the closest
 * `.map-side` of `anchor`). Returns that area while files are dragged over it, for a visible drop
 * target; null otherwise. Drags of anything but files are left alone.
 */
export function useFileDrop(
  anchor: RefObject<HTMLElement | null>,
  enabled: boolean,
  onFiles: (files: File[]) => void,
): HTMLElement | null {
  const [over, setOver] = useState<HTMLElement | null>(null);
  const onFilesRef = useRef(onFiles);
  onFilesRef.current = onFiles;

  // A file dropped elsewhere on the page would make the browser open it, leaving the page and its
  // unsaved working copy: while the import is offered, such drops are swallowed.
  useEffect(() => {
    const swallow = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'none';
    };
    window.addEventListener('dragover', swallow);
    window.addEventListener('drop', swallow);
    return () => {
      window.removeEventListener('dragover', swallow);
      window.removeEventListener('drop', swallow);
    };
  }, []);

  useEffect(() => {
    const area = anchor.current?.closest<HTMLElement>('.map-side') ?? anchor.current;
    if (!enabled || !area) return;
    // enter/leave fire for every child crossed: count them to know when the drag left the area
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(area);
    };
    const dragOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(null);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      depth = 0;
      setOver(null);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) onFilesRef.current(files);
    };
    area.addEventListener('dragenter', enter);
    area.addEventListener('dragover', dragOver);
    area.addEventListener('dragleave', leave);
    area.addEventListener('drop', drop);
    return () => {
      area.removeEventListener('dragenter', enter);
      area.removeEventListener('dragover', dragOver);
      area.removeEventListener('dragleave', leave);
      area.removeEventListener('drop', drop);
      setOver(null);
    };
  }, [anchor, enabled]);

  return over;
}
