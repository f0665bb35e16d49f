import { useEffect, useMemo, useRef, useState } from 'react';
import { renderMessage } from '../../../contract/messages/render';
import { readBankSides } from '../../../domain/editor/bank-sides';
import { checkProperties } from '../../../domain/editor/check-properties';
import { lineNames } from '../../../domain/editor/draft-blockers';
import type { EditFeature, EditGeometry } from '../../../domain/editor/edit-types';
import { newFeatureProperties, newWorkProperties } from '../../../domain/editor/new-feature';
import { bboxOf } from '../../../domain/geo/bbox';
import type { Message } from '../../../domain/message';
import { reachesInOrder, reachLabel } from '../../../domain/plans/reach-label';
import type { RiverView } from '../../../domain/rivers/waterbody';
import type { RuleTable } from '../../../domain/zones/rules';
import type { DrawMode, DrawRefusal } from '../../../map/draw-session';
import { coveredEdges } from '../../covered-edges';
import { useLang } from '../../i18n';
import { useFoldMapControls, useMapHandle } from '../../map-handle';
import { useWt } from '../messages';
import { showProblem } from '../panel/show-problem';
import type { PlanEditor as Editor } from '../panel/use-plan-editor';
import './editor.css';
import { EditToolbar } from './edit-toolbar';
import { FloodlineTool } from './floodline-tool';
import { LineForm } from './line-form';
import { LineList } from './line-list';
import { rulesFor } from './rules-for';
import { useDrawSession } from './use-draw-session';
import { useEditShortcuts } from './use-edit-shortcuts';
import { useRiverCourse } from './use-river-course';

const HINTS = {
  line: 'editHintLine',
  polygon: 'editHintWater',
  point: 'workPointHint',
  select: 'editHintSelect',
  static: null,
} as const;

const fmt = (v: number | undefined) => (v ?? 0).toFixed(6);

/**
 * The planner's editor in the plan panel: the tools, the reaches and their lines, the selected
 * line's form; the lines themselves are drawn and edited on the map (src/map/draw-session.ts).
 */
export function PlanEditor(props: {
  editor: Editor;
  /** the rule table in force (the editor is shown once it is loaded) */
  rules: RuleTable;
  river: RiverView | undefined;
  /** the flood-line tool's plan and session token */
  floodline: { planId: string; csrf: string };
}) {
  const { editor, rules: table, river } = props;
  const t = useWt();
  const map = useMapHandle();
  const foldMapControls = useFoldMapControls();
  const { state, dispatch } = editor;
  const [mode, setMode] = useState<DrawMode>('select');
  const [refusal, setRefusal] = useState<DrawRefusal | null>(null);
  // the line tool draws a work's axis (涉水工程) rather than a bank line
  const [drawWork, setDrawWork] = useState(false);
  const drawingWork = useRef(drawWork);
  drawingWork.current = drawWork && mode === 'line';
  const latest = useRef(state);
  latest.current = state;

  const course = useRiverCourse(river);
  const sides = useMemo(() => readBankSides(state.features, course), [state.features, course]);
  // a line whose bank is 待定 is drawn without a bank's colour (grey), not in its placeholder's
  const shown = useMemo(
    () =>
      state.features.map((f) =>
        sides.lines.get(f.id)?.side === null
          ? { ...f, properties: { ...f.properties, role: null } }
          : f,
      ),
    [state.features, sides],
  );
  const { session, error } = useDrawSession({
    map,
    features: shown,
    selectedId: state.selectedId,
    mode,
    events: {
      onCreate: (id, geometry: EditGeometry) => {
        const s = latest.current;
        // a point is only ever a work (泵站, 水文站)
        const properties =
          drawingWork.current || geometry.type === 'Point'
            ? newWorkProperties(s.features, s.selectedId)
            : newFeatureProperties(s.features, geometry.type, s.selectedId);
        setRefusal(null);
        dispatch({ type: 'add', features: [{ type: 'Feature', id, geometry, properties }] });
      },
      onGeometry: (id, geometry) => dispatch({ type: 'set-geometry', id, geometry }),
      onSelect: (id) => dispatch({ type: 'select', id }),
      onRefused: setRefusal,
    },
  });

  // opening the plan shows its lines: zoom to them once they are loaded
  const zoomed = useRef(false);
  useEffect(() => {
    if (!map || !editor.loaded || zoomed.current) return;
    // once, as the plan opens: not when its first line is drawn
    zoomed.current = true;
    if (state.features.length === 0) return;
    map.fitTo(bboxOf({ type: 'FeatureCollection', features: state.features }), coveredEdges(), 16);
  }, [map, editor.loaded, state.features]);

  // on a phone the panel gives way to the map while drawing: keep the tools in sight; the map's
  // legend and layer list fold, so that they cover no embankment being clicked on
  const toolbar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (mode !== 'line' && mode !== 'polygon' && mode !== 'point') return;
    toolbar.current?.scrollIntoView({ block: 'nearest' });
    foldMapControls();
  }, [mode, foldMapControls]);

  const selected = state.features.find((f) => f.id === state.selectedId);
  const undo = () => {
    if (!session?.undoPoint()) dispatch({ type: 'undo' });
  };
  const redo = () => dispatch({ type: 'redo' });
  const remove = () => {
    if (selected && !session?.isDrawing()) dispatch({ type: 'delete', id: selected.id });
  };
  useEditShortcuts({ undo, redo, remove });

  const problems = useMemo(
    () => new Map(state.features.map((f) => [f.id, checkProperties(f, rulesFor(table, f, river))])),
    [state.features, table, river],
  );
  // a value against the rules, or a stated side the geometry contradicts
  const flagged = useMemo(() => {
    const out = new Set([...problems].filter(([, p]) => p.length > 0).map(([id]) => id));
    for (const [id, s] of sides.lines)
      if (s.inferred && s.side && s.inferred !== s.side) out.add(id);
    return out;
  }, [problems, sides]);
  const { lang } = useLang();
  const riverName = river?.name ?? null;
  const reaches = useMemo(
    () =>
      reachesInOrder(state.features).map((r) => ({
        id: r.id,
        name: r.name,
        label: renderMessage(reachLabel({ river: riverName, ...r }), lang),
      })),
    [state.features, riverName, lang],
  );
  const other = selected && otherBank(state.features, selected, sides.lines);
  const names = useMemo(() => lineNames(state.features, riverName), [state.features, riverName]);
  const opposite = (id: string) =>
    sides.notes.some((n) => n.note.code === 'opposite' && n.note.lines.includes(id));
  const hint = mode === 'line' && drawWork ? 'workHint' : HINTS[mode];

  return (
    <section className="plan-editor" aria-label={t('editTitle')} data-mode={mode}>
      <h3>{t('editTitle')}</h3>
      <EditToolbar
        mode={mode}
        onMode={(m) => {
          setRefusal(null);
          setDrawWork(false);
          setMode(m);
        }}
        drawingWork={drawWork}
        onWork={() => {
          setRefusal(null);
          setDrawWork(true);
          setMode('line');
        }}
        onWorkPoint={() => {
          setRefusal(null);
          setDrawWork(false);
          setMode('point');
        }}
        toolbar={toolbar}
        canUndo={state.past.length > 0}
        canRedo={state.future.length > 0}
        selected={
          selected
            ? selected.geometry.type === 'LineString'
              ? 'line'
              : selected.geometry.type === 'Polygon'
                ? 'polygon'
                : 'point'
            : 'none'
        }
        onUndo={undo}
        onRedo={redo}
        onDelete={remove}
        onReverse={() => selected && dispatch({ type: 'reverse', id: selected.id })}
      />
      {hint && <p className="hint">{t(hint)}</p>}
      {error !== null && (
        <p className="problem" role="alert">
          {t('editMapNotReady', { msg: showProblem(error, t) })}
        </p>
      )}
      {refusal && (
        <p className="problem" role="alert" data-refusal={refusal.kind}>
          {t('editSelfIntersection', {
            a: refusal.segments[0] + 1,
            b: refusal.segments[1] + 1,
            at: `${fmt(refusal.at[0])}, ${fmt(refusal.at[1])}`,
          })}
        </p>
      )}
      <LineList
        features={state.features}
        reaches={reaches}
        sides={sides.lines}
        selectedId={state.selectedId}
        flagged={flagged}
        onSelect={(id) => {
          setMode('select');
          dispatch({ type: 'select', id });
        }}
      />
      {selected && (
        <LineForm
          key={selected.id}
          feature={selected}
          rules={rulesFor(table, selected, river)}
          works={table.works}
          reaches={reaches}
          side={sides.lines.get(selected.id)}
          opposite={opposite(selected.id)}
          against={sides.notes.some(
            (n) => n.note.code === 'against-course' && n.note.line === selected.id,
          )}
          other={
            other && {
              feature: other,
              name: renderMessage(names.get(other.id) as Message, lang),
            }
          }
          problems={problems.get(selected.id) ?? []}
          onChange={(properties) =>
            dispatch({ type: 'set-properties', id: selected.id, properties })
          }
          onChangeOther={(id, properties) => dispatch({ type: 'set-properties', id, properties })}
          onReverse={() => dispatch({ type: 'reverse', id: selected.id })}
          onNameReach={(name) =>
            dispatch({ type: 'name-reach', reach: selected.properties.reach, name })
          }
        />
      )}
      <FloodlineTool planId={props.floodline.planId} editor={editor} csrf={props.floodline.csrf} />
      <p className="hint small">{t('editShortcuts')}</p>
    </section>
  );
}

/** The other bank line of the selected line's reach (the first other line there), if drawn. */
function otherBank(
  features: readonly EditFeature[],
  selected: EditFeature,
  lines: ReadonlyMap<string, unknown>,
): EditFeature | undefined {
  return features.find(
    (f) =>
      f.id !== selected.id && f.properties.reach === selected.properties.reach && lines.has(f.id),
  );
}
