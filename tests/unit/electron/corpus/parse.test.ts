import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseSeed } from '../../../../electron/corpus/parse';
import { joinLines } from '../../../../electron/corpus/text';
import type { CorpusDocument, DocumentMeta, Paragraph } from '../../../../shared/corpus';

// What a reader of the corpus would notice, asserted on the real seed files.

const seedsDir = new URL('../../../../seeds/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', seedsDir), 'utf8')) as {
  documents: DocumentMeta[];
};

function load(docRef: string, lang: string): CorpusDocument {
  const meta = manifest.documents.find((d) => d.docRef === docRef && d.lang === lang);
  if (!meta) throw new Error(`no seed ${docRef} ${lang}`);
  return parseSeed(readFileSync(new URL(meta.file, seedsDir), 'utf8'), meta);
}

const nl = load('10474/17', 'nl');
const lv = load('10474/17', 'lv');
const cyberDiplomacy = load('6122/15', 'nl');
const resilience = load('10119/24', 'nl');
const strategy = load('7290/21', 'da');
const all: Array<[string, CorpusDocument]> = [
  ['10474/17 nl', nl],
  ['10474/17 lv', lv],
  ['6122/15 nl', cyberDiplomacy],
  ['10119/24 nl', resilience],
  ['7290/21 da', strategy],
];

const anchors = (doc: CorpusDocument): string[] => doc.paragraphs.map((p) => p.anchor);
function para(doc: CorpusDocument, anchor: string): Paragraph {
  const p = doc.paragraphs.find((x) => x.anchor === anchor);
  if (!p) throw new Error(`${doc.docRef} ${doc.lang}: no paragraph ${anchor}`);
  return p;
}
const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
const numbered = (doc: CorpusDocument): Paragraph[] => doc.paragraphs.filter((p) => p.kind === 'paragraph');
/** The text up to each footnote marker of a paragraph: what the marker follows. */
const before = (p: Paragraph): string[] => p.footnoteMarks.map((m) => p.text.slice(0, m.offset));
/** Footnote number -> the paragraph that carries it. */
const carriers = (doc: CorpusDocument): Record<number, string | null> => Object.fromEntries(doc.footnotes.map((f) => [f.n, f.anchor]));

describe('10474/17 (nl and lv)', () => {
  const expected = ['intro', 'h1', 'h2', 'p1', 'p2', 'p3', 'p4', 'p5', ...range('p5.i', 1, 6), 'p6'];

  it('has the same anchors in both languages: intro, title, formula, p1..p6 and six indents in p5', () => {
    expect(anchors(nl)).toEqual(expected);
    expect(anchors(lv)).toEqual(expected);
  });

  it('numbers p1..p6 as printed and marks nothing inferred', () => {
    for (const doc of [nl, lv]) {
      expect(numbered(doc).map((p) => p.number)).toEqual(['1', '2', '3', '4', '5', '6']);
      expect(doc.paragraphs.every((p) => !p.inferred)).toBe(true);
      expect(doc.paragraphs.filter((p) => p.kind === 'indent').map((p) => p.number)).toEqual(['1', '2', '3', '4', '5', '6']);
    }
  });

  it('keeps the six principles as the indents of p5, the chapeau in p5', () => {
    expect(para(nl, 'p5').text.endsWith('laat zich daarbij leiden door de volgende principes:')).toBe(true);
    expect(para(nl, 'p5.i1').text).toBe('de integriteit en veiligheid van de EU, haar lidstaten en haar burgers beschermen,');
    expect(para(nl, 'p5.i2').text).toBe('rekening houden met de bredere context van de externe betrekkingen van de EU met het betrokken land,');
    expect(para(nl, 'p5.i4').text).toContain('gemeenschappelijk situationeel bewustzijn');
    expect(para(nl, 'p5.i5').text).toContain('de verfijning en de impact van de cyberactiviteit');
    expect(para(nl, 'p5.i6').text).toBe('het toepasselijke internationaal recht en de fundamentele rechten en vrijheden in acht nemen.');
    expect(para(lv, 'p5.i1').text).toBe('tas kalpo, lai aizsargātu ES, tās dalībvalstu un to pilsoņu integritāti un drošību;');
    expect(para(lv, 'p5.i6').text).toContain('pamattiesības un pamatbrīvības.');
  });

  it('keeps §2 whole across its footnote block: the wrongful-acts sentence is in p2', () => {
    const p2nl = para(nl, 'p2').text;
    expect(p2nl).toContain('onrechtmatige handelingen uit hoofde van het internationaal recht');
    expect(p2nl.split('\n')).toHaveLength(2);
    expect(p2nl.split('\n')[1]).toMatch(/^De EU bevestigt dat kwaadwillige cyberactiviteiten onrechtmatige handelingen/);
    const p2lv = para(lv, 'p2').text;
    expect(p2lv).toContain('ļaunprātīgas kiberdarbības varētu būt prettiesiska darbība saskaņā ar starptautiskajām tiesībām');
    expect(p2lv.split('\n')).toHaveLength(2);
    expect(p2lv.split('\n')[1]).toMatch(/^ES apliecina, ka/);
    for (const doc of [nl, lv]) expect(para(doc, 'p3').text).not.toContain('bevestigt dat kwaadwillige');
  });

  it('joins the sub-paragraphs of a numbered paragraph with a newline', () => {
    for (const doc of [nl, lv]) {
      expect(para(doc, 'p1').text.split('\n')).toHaveLength(3);
      expect(para(doc, 'p3').text.split('\n')).toHaveLength(3);
      expect(para(doc, 'p4').text.split('\n')).toHaveLength(1);
    }
    expect(para(nl, 'p1').text.split('\n')[1]).toMatch(/^De EU herinnert aan haar conclusies/);
  });

  it('keeps the title and the adoption formula as headings, the cover note as intro', () => {
    expect(para(nl, 'h1').text).toBe(
      'CONCLUSIES VAN DE RAAD OVER EEN KADER VOOR EEN GEZAMENLIJKE DIPLOMATIEKE EU-RESPONS OP KWAADWILLIGE CYBERACTIVITEITEN ("INSTRUMENTARIUM VOOR CYBERDIPLOMATIE")',
    );
    expect(para(nl, 'h2').text).toBe('De Raad van de Europese Unie heeft de volgende conclusies aangenomen:');
    expect(para(lv, 'h2').text).toBe('Eiropas Savienības Padome pieņēma turpmāk izklāstītos secinājumus:');
    expect(para(nl, 'intro').kind).toBe('intro');
    expect(para(nl, 'intro').text).toMatch(/^Voor de delegaties .* 3551e zitting van 19 juni 2017 heeft aangenomen\.$/);
  });

  it('joins words hyphenated across lines and keeps real hyphens', () => {
    const text = nl.paragraphs.map((p) => p.text).join('\n');
    expect(para(nl, 'p2').text).toContain('groep van regeringsdeskundigen van de Verenigde Naties');
    expect(para(nl, 'p3').text).toContain('kwaadaardige cyberactiviteiten tegen informatiesystemen, zoals');
    expect(para(nl, 'p3').text).toContain('groepen van regeringsdeskundigen (UN GGE)');
    expect(para(nl, 'p3').text).toContain('informatie- en communicatietechnologieën');
    expect(para(nl, 'p2').text).toContain('ICT-activiteiten');
    expect(para(nl, 'intro').text).toContain('EU-respons');
    expect(text).not.toMatch(/regerings- ?deskundigen|informatie-systemen|informatie- systemen/);
  });

  it('detaches glued and separate footnote markers but keeps real numbers', () => {
    expect(para(nl, 'p1').text).toContain('inzake cyberbeveiliging, waarin');
    expect(para(nl, 'p1').text).toContain('over cyberdiplomatie, die');
    expect(para(nl, 'p3').text).toContain('van 2010, 2013 en 2015, en worden');
    expect(para(nl, 'p3').text).toContain('maatregelen van de OVSE ter vermindering');
    expect(para(nl, 'intro').text).toContain('3551e zitting');
    expect(para(lv, 'p1').text).toContain('ES kiberdrošības stratēģiju, jo īpaši');
    expect(para(lv, 'p1').text).toContain('par kiberdiplomātiju, jo īpaši');
    expect(para(lv, 'p3').text).toContain('2010., 2013. un 2015. gada ziņojumiem, un');
    expect(para(lv, 'p3').text).toContain('uzticības veicināšanas pasākumus, lai');
    expect(para(lv, 'intro').text).toContain('3551. sanāksmē');
  });
});

describe('7290/21 (da)', () => {
  it('has headings, recitals r1..r5, then p1..p33 in order, and no cover note', () => {
    const a = anchors(strategy);
    expect(a).toEqual(['h1', 'h2', 'r1', ...range('r1.i', 1, 17), 'r1.closing', ...range('r', 2, 5), ...range('p', 1, 33)]);
    expect(a.filter((x) => /^h\d+$/.test(x))).toEqual(['h1', 'h2']);
    expect(a.filter((x) => /^r\d+$/.test(x))).toEqual(range('r', 1, 5));
    expect(numbered(strategy).map((p) => p.anchor)).toEqual(range('p', 1, 33));
    expect(numbered(strategy).map((p) => p.number)).toEqual(range('', 1, 33));
    expect(a.indexOf('r5')).toBeLessThan(a.indexOf('p1'));
    expect(strategy.paragraphs.every((p) => !p.inferred)).toBe(true);
    expect(para(strategy, 'h2').text).toBe('RÅDET FOR DEN EUROPÆISKE UNION,');
  });

  it('has the paragraphs the evidence map links to', () => {
    for (const n of [7, 20, 24, 26, 27, 29, 31, 32]) expect(anchors(strategy)).toContain(`p${n}`);
    expect(para(strategy, 'p24').text).toContain('EU INTCEN');
    expect(para(strategy, 'p26').text).toContain('artikel 42, stk. 7, i TEU og artikel 222 i TEUF');
  });

  it('reads the first recital as printed: its lead-in, its seventeen indents, then its closing words', () => {
    const indents = strategy.paragraphs.filter((p) => p.anchor.startsWith('r1.i'));
    expect(indents.map((p) => p.anchor)).toEqual(range('r1.i', 1, 17));
    expect(para(strategy, 'r1').text).toBe('SOM MINDER OM sine konklusioner om');
    const closing = para(strategy, 'r1.closing');
    expect(closing).toMatchObject({ kind: 'closing', number: null, inferred: false });
    expect(closing.text).toMatch(
      /^og Rådets resolution om kryptering – Sikkerhed ved hjælp af kryptering og på trods heraf og medlemsstaternes erklæring af 15\. oktober 2020 .* i EU,$/,
    );
    expect(para(strategy, 'r1.i2').text).toBe('internetforvaltning');
    expect(para(strategy, 'r1.i5').text).toMatch(/er forbundet med 5G$/);
    expect(para(strategy, 'r1.i1').text).toMatch(/"Et åbent, sikkert og beskyttet internet"$/);
    expect(para(strategy, 'r1.i17').text).toMatch(/innovativ cybersikkerhedsindustri$/);
    expect(para(strategy, 'r2').text).toContain('strategisk dagsorden 2019-2024,');
  });

  it('keeps hyphens after acronyms and after a lone dash', () => {
    expect(para(strategy, 'p7').text).toContain('IKT-hændelser');
    expect(para(strategy, 'p17').text).toContain('EU-udbydere af DNS-rodservere og');
    expect(para(strategy, 'p24').text).toContain('cybertrusler og -aktiviteter');
  });
});

describe('10119/24 (nl, OCR)', () => {
  it('has p1..p16 with only p14 and p15 inferred', () => {
    expect(numbered(resilience).map((p) => p.anchor)).toEqual(range('p', 1, 16));
    expect(numbered(resilience).map((p) => p.number)).toEqual(range('', 1, 16));
    expect(resilience.paragraphs.filter((p) => p.inferred).map((p) => p.anchor)).toEqual(['p14', 'p15']);
    expect(para(resilience, 'p14').text).toMatch(/^NEEMT NOTA van het pakket voor de verdediging van de democratie/);
    expect(para(resilience, 'p15').text).toMatch(/^BENADRUKT het belang van oefeningen/);
    expect(para(resilience, 'p13').text).not.toContain('NEEMT NOTA van het pakket');
    expect(para(resilience, 'p16').text).toMatch(/^VERZOEKT de hoge vertegenwoordiger/);
  });

  it('has the paragraphs the evidence map links to', () => {
    for (const n of [4, 6, 8, 15]) expect(anchors(resilience)).toContain(`p${n}`);
    expect(para(resilience, 'p8').text).toContain('situationeel bewustzijn');
    expect(para(resilience, 'p15').text).toContain('FIMI, kwaadwillige cyberactiviteiten en dreigingen voor kritieke infrastructuur');
  });

  it("reads the OCR'd bullets ('.' and 'J') of §6 as its indents, and §6's closing words after them", () => {
    const indents = resilience.paragraphs.filter((p) => p.kind === 'indent');
    expect(indents.map((p) => p.anchor)).toEqual(['p6.i1', 'p6.i2', 'p6.i3']);
    expect(para(resilience, 'p6.i1').text).toMatch(/^de oprichting van de EU-toolbox/);
    expect(para(resilience, 'p6.i2').text).toBe('de samenstelling van de toolbox voor de aanpak van buitenlandse informatiemanipulatie en inmenging (“FIMI-toolbox”);');
    expect(para(resilience, 'p6.i3').text).toMatch(/^de versterking van het instrumentarium voor cyberdiplomatie.*EU-respons op een hybride campagne/);
    expect(para(resilience, 'p6').text).toMatch(/^HERINNERT AAN .* NEEMT in dit verband NOTA VAN de specifieke maatregelen die zijn genomen:$/);
    expect(anchors(resilience).slice(anchors(resilience).indexOf('p6'), anchors(resilience).indexOf('p7'))).toEqual([
      'p6', 'p6.i1', 'p6.i2', 'p6.i3', 'p6.closing',
    ]);
    const closing = para(resilience, 'p6.closing');
    expect(closing.kind).toBe('closing');
    expect(closing.text).toMatch(/^MERKT OP dat deze toolboxen .* nieuwe beperkende maatregelen tegen hybride activiteiten en FIMI te onderzoeken\.$/);
  });

  it('keeps the OCR errors verbatim', () => {
    expect(para(resilience, 'intro').text).toContain('4025¢ zitting');
    expect(para(resilience, 'p1').text).toContain('democratieén');
    expect(para(resilience, 'p6.i1').text).toContain('gecodrdineerde EU-respons');
    expect(para(resilience, 'p11').text).toContain('onathankelijke');
  });

  it("removes the OCR-garbled footnote markers and keeps the text's own numbers", () => {
    expect(para(resilience, 'p5').text).toMatch(/zoals artificiéle intelligentie, te bevorderen\.$/);
    expect(para(resilience, 'p6').text).toContain('inmenging (FIMI). NEEMT');
    expect(para(resilience, 'p6.i1').text).toContain('op hybride campagnes, die bestaande');
    expect(para(resilience, 'p6.closing').text).toContain('van kritieke entiteiten, de richtlijn netwerk- en informatiebeveiliging (NIS 2) en de');
    expect(para(resilience, 'p12').text).toContain('EU-burgerschap 2020 en 2023 aangekondigde');
    expect(para(resilience, 'p14').text).toContain('belangvertegenwoordigingsactiviteiten, dat tot doel');
    expect(para(resilience, 'p14').text).toContain('in de Unie, die concrete');
  });

  it('finds the three footnotes whose numbers were lost', () => {
    expect(resilience.footnotes.map((f) => f.n)).toEqual(range('', 1, 8).map(Number));
    expect(resilience.footnotes[5]?.text).toMatch(/^Verslag van de Commissie aan het Europees Parlement.*COM\(2023\) 931 final\.$/);
    expect(resilience.footnotes[6]?.text).toMatch(/^Voorstel voor een richtlijn/);
    expect(resilience.footnotes[7]?.text).toMatch(/^Aanbeveling \(EU\) 2023\/2829/);
  });

  it('keeps hyphens after acronyms and enumerated compounds', () => {
    expect(para(resilience, 'p4').text).toContain('op nationaal en EU-niveau verder');
    expect(para(resilience, 'p4').text).toContain('de EU-instellingen, -organen en -instanties passende');
    expect(para(resilience, 'p6.closing').text).toContain('FIMI-activiteiten');
  });
});

describe('6122/15 (nl, unnumbered)', () => {
  const expectedAnchors = [
    'intro', 'h1', 'h2', ...range('r', 1, 9), 'h3',
    'c1', ...range('c1.i', 1, 8), 'c2', 'c3',
    's1', 's1.c1', 's1.c2', ...range('s1.c2.i', 1, 5), 's1.c3', ...range('s1.c3.i', 1, 3),
    's2', 's2.c1', 's2.c2', 's2.c3', 's2.c4', ...range('s2.c4.i', 1, 3), 's2.c5',
    's3', 's3.c1',
    's4', ...range('s4.c', 1, 6), 's4.c7', ...range('s4.c7.i', 1, 5),
    's5', ...range('s5.c', 1, 4), 's5.c5', ...range('s5.c5.i', 1, 7),
    's6', ...range('s6.c', 1, 4), 's6.c5', ...range('s6.c5.i', 1, 3), 's6.c6', ...range('s6.c6.i', 1, 5), 's6.c7', 's6.c8',
  ];

  it('has stable anchors: recitals, the operative formula, clauses, sections and indents', () => {
    expect(anchors(cyberDiplomacy)).toEqual(expectedAnchors);
  });

  it('kinds and numbers follow the anchors', () => {
    for (const p of cyberDiplomacy.paragraphs) {
      const kind = /^r\d+$/.test(p.anchor)
        ? 'recital'
        : /\.i\d+$/.test(p.anchor)
          ? 'indent'
          : /^(s\d+\.)?c\d+$/.test(p.anchor)
            ? 'clause'
            : p.anchor === 'intro'
              ? 'intro'
              : 'heading';
      expect(p.kind, p.anchor).toBe(kind);
      expect(p.number, p.anchor).toBe(kind === 'indent' ? p.anchor.split('.i').at(-1) : null);
      expect(p.inferred).toBe(false);
    }
  });

  it('has the six section headings', () => {
    expect(['s1', 's2', 's3', 's4', 's5', 's6'].map((s) => para(cyberDiplomacy, s).text)).toEqual([
      'Bevordering en bescherming van de mensenrechten in de cyberspace',
      'Gedragsnormen en toepassing van het bestaande internationale recht op het gebied van de internationale veiligheid',
      'Internetgovernance',
      'Het vergroten van het concurrentievermogen en de welvaart van de EU',
      'Cybercapaciteitsopbouw en -ontwikkeling',
      'Strategische samenwerking met belangrijke partners en internationale organisaties',
    ]);
  });

  it('starts recitals at the capitalised participles, also after a footnote block and a page break', () => {
    const firstWords = range('r', 1, 9).map((r) => para(cyberDiplomacy, r).text.split(' ')[0]);
    expect(firstWords).toEqual(['ONDERKENNEND', 'AANVOEREND', 'ONDERSTREPEND', 'INDACHTIG', 'HERHALEND', 'HERINNEREND', 'DE', 'OVERWEGEND', 'BESEFFEND']);
    expect(para(cyberDiplomacy, 'r7').text).toMatch(/^DE NADRUK LEGGEND op/);
    expect(para(cyberDiplomacy, 'r3').text).toMatch(/over internetgovernance,$/);
    expect(para(cyberDiplomacy, 'h3').text).toBe('VERKLAART HET VOLGENDE:');
  });

  it('continues an indent list across a footnote block and a page break', () => {
    expect(para(cyberDiplomacy, 's1.c2').text).toBe('ROEPT de EU en haar lidstaten ERTOE OP:');
    expect(para(cyberDiplomacy, 's1.c2.i3').text).toMatch(/waaronder de bescherming van persoonsgegevens,$/);
    expect(para(cyberDiplomacy, 's1.c2.i4').text).toMatch(/^de uitwisseling tussen alle belanghebbenden/);
    expect(para(cyberDiplomacy, 's5.c5.i5').text).toMatch(/^het Verdrag van de Raad van Europa inzake cybercriminaliteit/);
  });

  it('attaches a lone "EN" to the clause it introduces', () => {
    expect(para(cyberDiplomacy, 'c3').text.split('\n')).toEqual([
      'EN',
      expect.stringMatching(/^VERZOEKT de EU en haar lidstaten om, onder eerbiediging/),
    ]);
    expect(para(cyberDiplomacy, 's6.c7').text).toMatch(/^EN\nMOEDIGT de EU en haar lidstaten AAN de aan de gang zijnde/);
    expect(cyberDiplomacy.paragraphs.some((p) => p.text === 'EN')).toBe(false);
  });

  it('holds the clauses the evidence map links to', () => {
    // (a) State responsibility for internationally wrongful acts
    expect(para(cyberDiplomacy, 's2.c4').text).toBe('MOEDIGT de EU en haar lidstaten AAN:');
    expect(para(cyberDiplomacy, 's2.c4.i2').text).toMatch(
      /^de beginselen betreffende de aansprakelijkheid van staten voor internationale onrechtmatige daden met overtuiging/,
    );
    // (b) capacity building
    expect(para(cyberDiplomacy, 's5.c1').text).toMatch(/^WIJST NOGMAALS OP het belang van cybercapaciteitsopbouw in derde landen/);
    // (c) strategic cooperation with partners, structured cyber dialogues
    expect(para(cyberDiplomacy, 's6.c3').text).toContain('cyberdialogen voor te bereiden');
    expect(para(cyberDiplomacy, 's6.c4').text).toMatch(/^HERINNERT ERAAN dat de EU reeds gestructureerd en overkoepelend cyberoverleg/);
  });

  it('joins line-end hyphenation, keeps compound hyphens, removes markers', () => {
    expect(para(cyberDiplomacy, 'r1').text).toContain('van het bestaande internationale recht,');
    expect(para(cyberDiplomacy, 'r1').text).toContain('cybercapaciteitsopbouw en -ontwikkeling');
    expect(para(cyberDiplomacy, 's6.c6.i4').text).toContain('het EU-cyberspacebeleid;');
    expect(para(cyberDiplomacy, 's4.c7.i3').text).toContain('gebruikersinhoud en -gegevens');
    expect(para(cyberDiplomacy, 's1.c2.i1').text).toContain('vrijheid van meningsuiting, vergadering');
    expect(para(cyberDiplomacy, 'r3').text).toContain('de digitale agenda voor Europa, over de eerste verjaardag');
    expect(para(cyberDiplomacy, 's1.c1').text).toContain('door de VN-Mensenrechtenraad en de Algemene Vergadering');
    expect(para(cyberDiplomacy, 's2.c1').text).toContain('met haar verslag over 2013, en de bereikte');
    expect(para(cyberDiplomacy, 's2.c2').text).toContain('in het kader van de OVSE en ZIET UIT');
    expect(para(cyberDiplomacy, 's3.c1').text).toContain('conclusies over internetgovernance, waarin');
    expect(para(cyberDiplomacy, 's5.c5.i2').text).toMatch(/het Instituut voor veiligheidsstudies van de EU$/);
  });
});

describe('footnotes belong to the paragraph where their marker stands', () => {
  it('10474/17: notes 1 and 2 in §1, 3 and 4 in §3, in Dutch and in Latvian', () => {
    for (const doc of [nl, lv]) {
      expect(carriers(doc)).toEqual({ 1: 'p1', 2: 'p1', 3: 'p3', 4: 'p3' });
      expect(doc.paragraphs.filter((p) => p.footnotes.length > 0).map((p) => [p.anchor, p.footnotes])).toEqual([
        ['p1', [1, 2]],
        ['p3', [3, 4]],
      ]);
    }
    expect(before(para(nl, 'p1')).map((t) => t.split(' ').at(-1))).toEqual(['cyberbeveiliging', 'cyberdiplomatie']);
    expect(before(para(nl, 'p3')).map((t) => t.split(' ').at(-1))).toEqual(['2015', 'OVSE']);
    expect(before(para(lv, 'p1')).map((t) => t.split(' ').at(-1))).toEqual(['stratēģiju', 'kiberdiplomātiju']);
    expect(before(para(lv, 'p3')).map((t) => t.split(' ').at(-1))).toEqual(['ziņojumiem', 'pasākumus']);
  });

  it("7290/21: each of the first recital's seventeen indents carries its note at its end, the closing words note 18", () => {
    for (let k = 1; k <= 17; k++) {
      const indent = para(strategy, `r1.i${k}`);
      expect(indent.footnoteMarks, indent.anchor).toEqual([{ n: k, offset: indent.text.length }]);
    }
    expect(para(strategy, 'r1').footnotes).toEqual([]);
    expect(before(para(strategy, 'r1.closing'))).toEqual(['og Rådets resolution om kryptering – Sikkerhed ved hjælp af kryptering og på trods heraf']);
    expect(carriers(strategy)).toMatchObject({ 18: 'r1.closing', 19: 'r2', 20: 'r2', 21: 'r4', 22: 'r4', 23: 'r5' });
  });

  it('10119/24: notes 4 and 5 in the closing words of §6, the three inferred notes in §12 and §14', () => {
    expect(carriers(resilience)).toEqual({ 1: 'p5', 2: 'p6', 3: 'p6.i1', 4: 'p6.closing', 5: 'p6.closing', 6: 'p12', 7: 'p14', 8: 'p14' });
    expect(resilience.footnotes.filter((f) => f.inferred).map((f) => f.n)).toEqual([6, 7, 8]);
    expect(before(para(resilience, 'p14')).map((t) => t.split(' ').at(-1))).toEqual(['belangvertegenwoordigingsactiviteiten', 'Unie']);
    expect(before(para(resilience, 'p5'))).toEqual([expect.stringMatching(/te bevorderen$/)]);
  });

  it('6122/15: notes 1-4 in the third recital, the others in their clauses', () => {
    expect(carriers(cyberDiplomacy)).toEqual({ 1: 'r3', 2: 'r3', 3: 'r3', 4: 'r3', 5: 's1.c1', 6: 's2.c1', 7: 's2.c2', 8: 's3.c1', 9: 's5.c5.i2' });
  });

  for (const [name, doc] of all) {
    it(`${name}: every note is carried by exactly one paragraph, which lists it in the order of its markers`, () => {
      const listed = doc.paragraphs.flatMap((p) => p.footnotes);
      expect([...listed].sort((a, b) => a - b)).toEqual(doc.footnotes.map((f) => f.n));
      for (const p of doc.paragraphs) {
        expect(p.footnotes, p.anchor).toEqual(p.footnoteMarks.map((m) => m.n));
        expect(p.footnotes, p.anchor).toEqual(doc.footnotes.filter((f) => f.anchor === p.anchor).map((f) => f.n));
        const offsets = p.footnoteMarks.map((m) => m.offset);
        expect(offsets, p.anchor).toEqual([...offsets].sort((a, b) => a - b));
        for (const o of offsets) expect(o, p.anchor).toBeLessThanOrEqual(p.text.length);
      }
      expect(doc.footnotes.filter((f) => f.inferred && doc.docRef !== '10119/24')).toEqual([]);
    });
  }
});

describe('every document', () => {
  const furniture: Array<[string, RegExp]> = [
    ['docRef footer', /\b\d{3,5}\/\d{2}\s+[A-Za-z]{2,5}(\/[A-Za-z]+)*(\s+\d+)?\s*$|gys\/GRA|kmm \d|HEIl\/pc/m],
    ['annex footer', /\b(BIJLAGE|PIELIKUMS|BILAG)\b|DG D 2B|JAI\.2|RELEX\.5/],
    ['signature', /Guarantee of Integrity|Authenticity/],
    ['timestamp', /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/],
  ];
  const expectedFootnotes: Record<string, number> = {
    '10474/17 nl': 4,
    '10474/17 lv': 4,
    '6122/15 nl': 9,
    '10119/24 nl': 8,
    '7290/21 da': 23,
  };

  for (const [name, doc] of all) {
    describe(name, () => {
      it('has no page furniture in any paragraph', () => {
        for (const p of doc.paragraphs) {
          for (const [what, re] of furniture) expect(re.test(p.text), `${what} in ${p.anchor}: ${p.text}`).toBe(false);
          for (const block of p.text.split('\n')) expect(block, p.anchor).not.toMatch(/^\p{Lu}$/u); // the lone "O"
          expect(p.text, p.anchor).not.toMatch(/ O$/);
        }
      });

      it('has clean text: single spaces, no empty paragraph, unique anchors', () => {
        for (const p of doc.paragraphs) {
          expect(p.text.length, p.anchor).toBeGreaterThan(0);
          for (const block of p.text.split('\n')) {
            expect(block, p.anchor).toBe(block.trim());
            expect(block, p.anchor).not.toMatch(/\s{2,}|\t|\u00A0/);
            expect(block.length, p.anchor).toBeGreaterThan(0);
          }
        }
        expect(new Set(anchors(doc)).size).toBe(doc.paragraphs.length);
      });

      it('has every footnote 1..N exactly once, with text', () => {
        const n = expectedFootnotes[name] ?? -1;
        expect(doc.footnotes.map((f) => f.n)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        for (const f of doc.footnotes) {
          expect(f.text.trim().length, `fn${f.n}`).toBeGreaterThan(0);
          expect(f.text, `fn${f.n}`).not.toMatch(/^\d+\s/);
          expect(f.text, `fn${f.n}`).not.toMatch(/\s{2,}|\n/);
          for (const [what, re] of furniture) expect(re.test(f.text), `${what} in fn${f.n}`).toBe(false);
        }
      });

      it('keeps footnote text out of the paragraphs', () => {
        for (const p of doc.paragraphs) {
          for (const f of doc.footnotes) {
            expect(p.text, `${p.anchor} holds fn${f.n}`).not.toContain(`${f.n} ${f.text}`);
            if (f.text.length >= 15) expect(p.text, `${p.anchor} holds fn${f.n}`).not.toContain(f.text);
          }
          expect(p.text).not.toMatch(/(^|\n)\d{1,2} Doc\. /);
        }
      });

      it('has no marker of a known footnote glued to a word', () => {
        // A letter, closing bracket or quote directly followed by a footnote's number at the end of a word.
        const allowed = new Set(['IPv6']);
        for (const p of doc.paragraphs) {
          for (const f of doc.footnotes) {
            const re = new RegExp(`\\S*[\\p{L})"”’]${f.n}(?=[\\s,.;:)]|$)`, 'gu');
            for (const m of p.text.matchAll(re)) {
              expect(allowed.has(m[0]), `${p.anchor}: "${m[0]}" (fn${f.n})`).toBe(true);
            }
          }
          expect(p.text, p.anchor).not.toMatch(/\b(19|20)\d{2}(1\d|2[0-3]|[1-9])\b(?![./])/);
        }
      });

      it('is deterministic', () => {
        const meta = manifest.documents.find((d) => d.docRef === doc.docRef && d.lang === doc.lang);
        if (!meta) throw new Error('no meta');
        expect(parseSeed(readFileSync(new URL(meta.file, seedsDir), 'utf8'), meta)).toEqual(doc);
      });
    });
  }
});

describe('synthetic text', () => {
  const meta: DocumentMeta = {
    file: 'x.txt',
    sha256: '0'.repeat(64),
    docRef: '9999/99',
    lang: 'nl',
    title: 'Test',
    adopted: '2020-01-01',
    meeting: 'Raad',
  };
  const sep = ' '.repeat(49);

  it('drops headers and footers, collects footnotes and keeps a paragraph whole across them', () => {
    const text = [
      ' Voor de delegaties gaan hierbij de conclusies.',
      ' BIJLAGE ',
      'CONCLUSIES VAN DE RAAD',
      '',
      '1. De Raad stelt vast dat de cyberbeveiliging1 van belang is en dat de regerings-',
      'deskundigen van de VN werken aan normen voor het gebruik van informatie-',
      'en communicatietechnologie, in de 3551e zitting van 20152 en op grond van',
      '',
      sep,
      '1 Doc. 1234/56.',
      '2 A/70/174, zie ook',
      'A/68/98.',
      '9999/99   abc/DEF/gh 2 ',
      'BIJLAGE DG X 1A  NL ',
      ' ',
      'artikel 42(7) VEU, met ICT-',
      'activiteiten en de EU-',
      'respons.',
      '',
      '2. Tweede paragraaf:',
      '•  eerste streepje,',
      '•  tweede streepje dat over de hele breedte van de bladzijde doorloopt tot aan de',
      'volgende regel.',
      '',
      '\t Guarantee of Integrity and Authenticity',
      '\t\t2024-05-21T11:35:04+0000',
      'O',
    ].join('\n');
    const doc = parseSeed(text, meta);
    expect(anchors(doc)).toEqual(['intro', 'h1', 'p1', 'p2', 'p2.i1', 'p2.i2']);
    expect(para(doc, 'p1').text).toBe(
      'De Raad stelt vast dat de cyberbeveiliging van belang is en dat de regeringsdeskundigen van de VN werken aan normen voor het gebruik van informatie- en communicatietechnologie, in de 3551e zitting van 2015 en op grond van artikel 42(7) VEU, met ICT-activiteiten en de EU-respons.',
    );
    expect(doc.footnotes).toEqual([
      { n: 1, text: 'Doc. 1234/56.', anchor: 'p1', inferred: false },
      { n: 2, text: 'A/70/174, zie ook A/68/98.', anchor: 'p1', inferred: false },
    ]);
    expect(before(para(doc, 'p1'))).toEqual(['De Raad stelt vast dat de cyberbeveiliging', 'De Raad stelt vast dat de cyberbeveiliging van belang is en dat de regeringsdeskundigen van de VN werken aan normen voor het gebruik van informatie- en communicatietechnologie, in de 3551e zitting van 2015']);
    expect(para(doc, 'p2.i2').text).toBe('tweede streepje dat over de hele breedte van de bladzijde doorloopt tot aan de volgende regel.');
    expect(doc.paragraphs.some((p) => /Guarantee|2024-05-21|abc\/DEF|DG X/.test(p.text))).toBe(false);
  });

  it('opens a sub-paragraph only after a finished sentence and a visible gap', () => {
    // Single-spaced page: an empty line separates blocks, unless the sentence goes on
    // (10119/24 sets many a paragraph's last line apart by an empty line).
    const text = [
      ' BIJLAGE ',
      'TITEL',
      '1. Eerste zin van de paragraaf die over',
      'twee regels loopt.',
      '',
      'Tweede blok van dezelfde paragraaf dat',
      'doorloopt en waarvan de laatste regel',
      '',
      'apart staat.',
      '2. Volgende paragraaf die',
      'ook doorloopt.',
    ].join('\n');
    const doc = parseSeed(text, meta);
    expect(anchors(doc)).toEqual(['h1', 'p1', 'p2']);
    expect(para(doc, 'p1').text).toBe(
      'Eerste zin van de paragraaf die over twee regels loopt.\nTweede blok van dezelfde paragraaf dat doorloopt en waarvan de laatste regel apart staat.',
    );
    // Double-spaced page: one empty line after every line means nothing; a line of white space does.
    const double = [
      ' BIJLAGE ', '', 'TITEL', '', '1. Eerste zin van de paragraaf die over', '', 'twee regels loopt.', '', ' ', '',
      'Tweede blok dat', '', 'doorloopt.', '', 'Geen nieuw blok.', '', '2. Volgende.',
    ].join('\n');
    expect(para(parseSeed(double, meta), 'p1').text).toBe(
      'Eerste zin van de paragraaf die over twee regels loopt.\nTweede blok dat doorloopt. Geen nieuw blok.',
    );
  });

  it('infers lost paragraph numbers only when the gap is filled exactly', () => {
    const body = (middle: string[]): string =>
      [' BIJLAGE ', 'DE RAAD,', '', '1. BENADRUKT iets.', '', ...middle, '', '4. VERZOEKT tot slot iets.'].join('\n');
    const filled = parseSeed(body(['NEEMT NOTA van een.', '', 'ERKENT een ander.']), meta);
    expect(numbered(filled).map((p) => [p.anchor, p.inferred])).toEqual([
      ['p1', false],
      ['p2', true],
      ['p3', true],
      ['p4', false],
    ]);
    const unfilled = parseSeed(body(['NEEMT NOTA van een.']), meta);
    expect(numbered(unfilled).map((p) => p.anchor)).toEqual(['p1', 'p4']);
    expect(para(unfilled, 'p1').text).toMatch(/^BENADRUKT iets\.\s+NEEMT NOTA van een\.$/);
  });

  it('structures an unnumbered text: recitals, the operative formula, clauses, sections, indents', () => {
    const text = [
      ' BIJLAGE ',
      'Conclusies van de Raad over iets',
      'De Raad van de Europese Unie,',
      'ONDERKENNEND dat er iets is1,',
      'HERINNEREND aan iets anders,',
      '1 Doc. 1/15.',
      ' VERKLAART HET VOLGENDE:',
      'BESCHOUWT het als essentieel dat:',
      '• een eerste punt,',
      '• een tweede punt,',
      'WIJST EROP dat iets geldt,',
      'EN',
      'VERZOEKT de lidstaten iets te doen,',
      'Eerste sectie over een onderwerp',
      'ROEPT de EU ERTOE OP:',
      '– een streepje,',
      'ICT-normen en EU,',
      'Tweede sectie',
      'MOEDIGT de EU AAN iets te doen.',
    ].join('\n');
    const doc = parseSeed(text, meta);
    expect(anchors(doc)).toEqual(['h1', 'h2', 'r1', 'r2', 'h3', 'c1', 'c1.i1', 'c1.i2', 'c2', 'c3', 's1', 's1.c1', 's1.c1.i1', 's2', 's2.c1']);
    expect(para(doc, 'r1').text).toBe('ONDERKENNEND dat er iets is,');
    expect(para(doc, 'c3').text).toBe('EN\nVERZOEKT de lidstaten iets te doen,');
    expect(para(doc, 's1.c1.i1').text).toBe('een streepje, ICT-normen en EU,');
    expect(para(doc, 's2').kind).toBe('heading');
    expect(doc.footnotes).toEqual([{ n: 1, text: 'Doc. 1/15.', anchor: 'r1', inferred: false }]);
    expect(para(doc, 'r1').footnoteMarks).toEqual([{ n: 1, offset: 'ONDERKENNEND dat er iets is'.length }]);
  });

  it('joins hyphenated lines by the rules', () => {
    expect(joinLines('van de regerings-', 'deskundigen')).toBe('van de regeringsdeskundigen');
    expect(joinLines('tegen informatie-', 'systemen, zoals')).toBe('tegen informatiesystemen, zoals');
    expect(joinLines('van informatie-', 'en communicatie')).toBe('van informatie- en communicatie');
    expect(joinLines('op de EU-', 'respons')).toBe('op de EU-respons');
    expect(joinLines('met VN-', 'lidstaten')).toBe('met VN-lidstaten');
    expect(joinLines('de periode 2019-', '2024')).toBe('de periode 2019-2024');
    expect(joinLines('-organen en -', 'instanties')).toBe('-organen en -instanties');
    expect(joinLines('de Noord-', 'Brabantse')).toBe('de Noord-Brabantse');
    expect(joinLines('niet-', 'statelijke', new Set(['niet-statelijke']))).toBe('niet-statelijke');
    expect(joinLines('eerste', 'tweede')).toBe('eerste tweede');
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n\n', ' BIJLAGE ', '1 Doc. 1.', '• los streepje', 'EN', '\t\t']) {
      expect(() => parseSeed(text, meta)).not.toThrow();
    }
  });
});
