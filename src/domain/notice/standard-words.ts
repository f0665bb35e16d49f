// The standard a publication was delineated under, in words for the public: for each width rule its
// zones were computed with, the line it is measured from, the width and the range the rule table
// allows (the 2019 plan's 三（二）1 and 2, citing GB 50286—2013), never the table's id.
import type { FeatureCollection } from 'geojson';
import { type ApprovedCategory, adoptionSentence } from '../adopted/approval';
import { widthsUsed } from '../documents/document-text';
import { type Message, msg } from '../message';
import type { EmbankmentClass, RuleTable } from '../zones/rules';

const isClass = (n: number | null): n is EmbankmentClass =>
  n === 1 || n === 2 || n === 3 || n === 4 || n === 5;

/**
 * An embankment class as people read it (1级 … 4级, 4级以下).
 * @example classMessage(5) // msg('public.class.below4') → 4级以下
 */
function classMessage(n: EmbankmentClass): Message {
  return n === 5 ? msg('public.class.below4') : msg('public.class.n', { n });
}

/**
 * Each width rule the publication's zones used, once, in words: 有堤防河道（2级堤防）：堤防背水坡脚线以外
 * 30 米（标准 20–50 米）; then the 堤防安全保护区 widths; 无堤防河道：岸线以外 10 米; then, for a reach
 * whose management range is an adopted approved boundary, 采用已批复的…作为管理范围.
 * @example standardMessages(publication.zones, DEFAULT_RULES)[0] // msg('public.standard.toe', { class: …, width: 30, min: 20, max: 50 })
 */
export function standardMessages(zones: FeatureCollection, rules: RuleTable): Message[] {
  const seen = new Map<string, Message>();
  const protections = new Map<string, Message>();
  for (const w of widthsUsed(zones).values()) {
    const cls = w.embankmentClass;
    if (w.kind === 'toe' && isClass(cls)) {
      const range = rules.toe[cls];
      seen.set(
        `toe|${cls}|${w.widthM}`,
        msg('public.standard.toe', {
          class: classMessage(cls),
          width: w.widthM,
          min: range.min,
          max: range.max,
        }),
      );
    } else {
      seen.set(
        `bank|${w.widthM}`,
        msg('public.standard.bank', { width: w.widthM, min: rules.bank.min, max: rules.bank.max }),
      );
    }
    if (w.protectionM !== null)
      protections.set(
        String(w.protectionM),
        msg('public.standard.protection', {
          width: w.protectionM,
          min: rules.protection.min,
          max: rules.protection.max,
        }),
      );
  }
  return [...seen.values(), ...protections.values(), ...adoptions(zones)];
}

/** 采用已批复的{category}（{文号}，{date}）作为管理范围, once per adopted approval. */
function adoptions(zones: FeatureCollection): Message[] {
  const seen = new Map<string, Message>();
  for (const f of zones.features) {
    const p = f.properties ?? {};
    if (p.kind !== 'management' || typeof p.adoptedCategory !== 'string') continue;
    const approval = {
      category: p.adoptedCategory as ApprovedCategory,
      approvalRef: String(p.approvalRef),
      approvedOn: String(p.approvedOn),
    };
    seen.set(JSON.stringify(approval), adoptionSentence(approval));
  }
  return [...seen.values()];
}
