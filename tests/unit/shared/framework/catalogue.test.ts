import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_TYPES,
  CATEGORIES,
  CATEGORY_IDS,
  CONFIDENCE_LEVELS,
  DIMENSIONS,
  DIMENSION_IDS,
  MEASURES,
  MEASURE_IDS,
  PRINCIPLES,
  PRINCIPLE_IDS,
  REQUIREMENT_IDS,
  STEPS,
  STEP_IDS,
  TARGETS,
  TARGET_KINDS,
  inWords,
  measuresIn,
  termsOf,
} from '../../../../shared/framework/catalogue';
import { EVIDENCE, EVIDENCE_DOC_REFS, EVIDENCE_ITEMS, evidenceFor } from '../../../../shared/framework/evidence';

describe('the framework catalogue', () => {
  it('has the five steps in workflow order', () => {
    expect(STEP_IDS).toEqual(['awareness', 'attribution', 'proportionality', 'measures', 'decided']);
    for (const id of STEP_IDS) expect(STEPS[id].id).toBe(id);
    expect(STEP_IDS.filter((id) => STEPS[id].optional)).toEqual(['attribution']);
  });

  it('has seven dimensions, each with nl and lv terms and five rubric descriptors', () => {
    expect(DIMENSION_IDS).toEqual(['scope', 'scale', 'duration', 'intensity', 'complexity', 'sophistication', 'impact']);
    for (const id of DIMENSION_IDS) {
      const d = DIMENSIONS[id];
      expect(d.id).toBe(id);
      expect(d.label).not.toBe('');
      expect(d.terms.nl).not.toBe('');
      expect(d.terms.lv).not.toBe('');
      expect(d.rubric).toHaveLength(5);
      for (const descriptor of d.rubric) expect(descriptor.trim()).not.toBe('');
      expect(new Set(d.rubric).size).toBe(5);
    }
    expect(DIMENSIONS.sophistication.terms).toEqual({ nl: 'verfijning', lv: 'rafinētība' });
    expect(DIMENSIONS.impact.rubric[4]).toMatch(/loss of life/);
  });

  it('has the six principles of 10474/17 §5, one per indent', () => {
    expect(PRINCIPLE_IDS).toHaveLength(6);
    expect(PRINCIPLE_IDS.map((id) => PRINCIPLES[id].indent)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const id of PRINCIPLE_IDS) expect(PRINCIPLES[id].text).not.toBe('');
  });

  it('has eleven measures in five categories, with the requirements of FRAMEWORK.md', () => {
    expect(CATEGORY_IDS).toEqual(['preventive', 'cooperative', 'stabilising', 'restrictive', 'support']);
    expect(MEASURE_IDS).toHaveLength(11);
    for (const id of MEASURE_IDS) {
      expect(MEASURES[id].id).toBe(id);
      expect(CATEGORY_IDS).toContain(MEASURES[id].category);
      expect(REQUIREMENT_IDS).toContain(MEASURES[id].requires);
    }
    expect(CATEGORY_IDS.map((c) => measuresIn(c).length)).toEqual([3, 2, 3, 2, 1]);
    for (const c of CATEGORY_IDS) expect(CATEGORIES[c].label).not.toBe('');
    const requires = Object.fromEntries(MEASURE_IDS.map((id) => [id, MEASURES[id].requires]));
    expect(requires).toEqual({
      cbm: 'none',
      'awareness-raising': 'none',
      'capacity-building': 'none',
      dialogue: 'none',
      'demarche-cooperative': 'none',
      'hr-statement': 'none',
      'council-conclusions': 'none',
      'demarche-stabilising': 'none',
      'travel-ban': 'actors',
      'asset-freeze': 'actors',
      'support-lawful-responses': 'state',
    });
    expect(MEASURE_IDS.filter((id) => MEASURES[id].sanctionsRegime)).toEqual(['travel-ban', 'asset-freeze']);
  });

  it('has the target kinds of the sanctions regime, actor types and confidence levels', () => {
    expect(TARGET_KINDS).toHaveLength(8);
    for (const t of TARGET_KINDS) expect(TARGETS[t].label).not.toBe('');
    expect(ACTOR_TYPES).toEqual(['state', 'state-sponsored', 'non-state']);
    expect(CONFIDENCE_LEVELS).toEqual(['low', 'moderate', 'high']);
  });
});

describe('the evidence map', () => {
  it('gives every item but the decision at least one primary link, primary first', () => {
    const kinds = new Set(EVIDENCE_ITEMS.map((i) => i.kind));
    expect(kinds).toEqual(new Set(['step', 'dimension', 'principle', 'category', 'screen']));
    expect(EVIDENCE_ITEMS).toHaveLength(STEP_IDS.length + DIMENSION_IDS.length + PRINCIPLE_IDS.length + CATEGORY_IDS.length + 1);
    for (const item of EVIDENCE_ITEMS) {
      const links = evidenceFor(item);
      // No paragraph speaks of recording or reopening a decision: the step has none of its own.
      if (item.kind === 'step' && item.id === 'decided') {
        expect(links).toEqual([]);
        continue;
      }
      expect(links.some((l) => l.primary), `${item.kind} ${item.id}`).toBe(true);
      const firstSecondary = links.findIndex((l) => !l.primary);
      if (firstSecondary >= 0) expect(links.slice(firstSecondary).every((l) => !l.primary)).toBe(true);
    }
  });

  it('uses known documents and the corpus anchor scheme', () => {
    // 6122/15 is unnumbered: sections, clauses and their indents (s2.c4.i2).
    const anchor = /^(intro|r\d+|p\d+(\.i\d+|\.closing)?|h\d+|(s\d+\.)?c\d+(\.i\d+)?|s\d+)$/;
    for (const item of EVIDENCE_ITEMS) {
      for (const l of evidenceFor(item)) {
        expect(EVIDENCE_DOC_REFS).toContain(l.docRef);
        expect(l.anchor).toMatch(anchor);
        expect(l.note).not.toBe('');
      }
    }
  });

  it('links the items as FRAMEWORK.md §3 says', () => {
    const primary = (links: readonly { docRef: string; anchor: string; primary: boolean }[]) =>
      links.filter((l) => l.primary).map((l) => `${l.docRef} ${l.anchor}`);
    expect(primary(EVIDENCE.steps.awareness)).toEqual(['10474/17 p5.i4']);
    expect(primary(EVIDENCE.steps.attribution)).toEqual(['10474/17 p4']);
    for (const d of DIMENSION_IDS) expect(primary(EVIDENCE.dimensions[d])).toEqual(['10474/17 p2', '10474/17 p5.i5']);
    PRINCIPLE_IDS.forEach((p, i) => expect(primary(EVIDENCE.principles[p])).toEqual([`10474/17 p5.i${i + 1}`]));
    expect(primary(EVIDENCE.categories.support)).toEqual(['7290/21 p26']);
    expect(primary(EVIDENCE.categories.restrictive)).toEqual(['10474/17 p5']);
  });

  it('links the secondary paragraphs FRAMEWORK.md §3 names, and none it rules out', () => {
    const refs = (links: readonly { docRef: string; anchor: string }[]) => links.map((l) => `${l.docRef} ${l.anchor}`);
    const all = EVIDENCE_ITEMS.flatMap((item) => refs(evidenceFor(item)));
    // 10119/24 §4 speaks of protective measures; §6's lead-in names no category: its first item and closing words do.
    expect(all).not.toContain('10119/24 p4');
    expect(all).not.toContain('10119/24 p6');
    expect(refs(EVIDENCE.steps.measures)).toEqual(expect.arrayContaining(['10119/24 p6.i1', '10119/24 p6.closing']));
    expect(refs(EVIDENCE.categories.restrictive)).toContain('10119/24 p6.closing');
    expect(refs(EVIDENCE.categories.preventive)).toEqual(expect.arrayContaining(['6122/15 s2.c2', '6122/15 s2.c3', '7290/21 p7']));
    expect(refs(EVIDENCE.principles['international-law'])).toEqual(expect.arrayContaining(['6122/15 s2.c1', '7290/21 p7', '7290/21 p28']));
    expect(refs(EVIDENCE.principles.integrity)).toContain('10474/17 p1');
    // The support category rests on a request to consider the link, not on a rule establishing it.
    expect(EVIDENCE.categories.support[0]?.note).toMatch(/considered further/);
    expect(EVIDENCE.screens.exercises[0]?.note).toMatch(/Latvian text speaks of appropriate testing/);
  });
});

describe('the wall around shared/', () => {
  it('imports neither electron, nor Node, nor the DOM', () => {
    const root = join(__dirname, '../../../../shared');
    for (const dir of ['framework', 'workflow']) {
      for (const file of readdirSync(join(root, dir)).filter((f) => f.endsWith('.ts'))) {
        const source = readFileSync(join(root, dir, file), 'utf8');
        const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
        for (const spec of imports) {
          expect(spec, `${dir}/${file}`).toMatch(/^(\.{1,2}\/|xstate$|zod$)/);
        }
        expect(source, `${dir}/${file}`).not.toMatch(/\b(window|document|localStorage)\./);
        expect(source, `${dir}/${file}`).not.toMatch(/export default/);
      }
    }
  });

  it("lists a dimension's terms in the corpus's language order, leaving out a language without them", () => {
    expect(termsOf(DIMENSIONS.duration)).toEqual([
      { lang: 'nl', term: 'duur' },
      { lang: 'lv', term: 'ilgums' },
    ]);
    expect(termsOf({ terms: { da: 'varighed', nl: 'duur' } }).map((t) => t.lang)).toEqual(['nl', 'da']);
  });

  it('counts in words where its prose counts itself', () => {
    expect([inWords(6), inWords(7), inWords(12), inWords(13)]).toEqual(['six', 'seven', 'twelve', '13']);
    expect(STEPS.proportionality.description).toContain('the seven characteristics');
    expect(STEPS.measures.description).toContain('the six principles');
  });
});
