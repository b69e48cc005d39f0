// The English concept glossary of FRAMEWORK.md §5: the framework's concepts, each with its
// English terms (lower case) and the forms the seeds use for it in each language, with every
// paragraph where each form stands. Search expands an English query through it and says which
// form matched. Literal data: nothing here reads the corpus.
//
// A form matches case-insensitively as whole words: no letter, digit or combining mark on either
// side, so a hyphen or an apostrophe bounds it (`FIMI` stands in `FIMI-toolbox`), and a space in
// a form stands for any run of white space. Inflections and compounds are listed as they occur
// (Latvian `joma`, `jomu`; Danish `kapacitetsopbygning`, `cyberkapacitetsopbygning`). A form
// is the seed's word for one of the concept's terms, and brings every paragraph where it stands,
// whatever the paragraph is about (`reikwijdte` is also the reach of 10119/24 §13). Anchors are
// paragraphs as the parser gives them, footnotes not included. The documents of each language:
// nl 10474/17, 6122/15, 10119/24; lv 10474/17; da 7290/21.
//
// tests/unit/shared/glossary.test.ts parses the real seeds and checks that each form stands in
// exactly the paragraphs it lists, that the Dutch and Latvian 10474/17 find the same paragraphs,
// and that every concept has forms in each language whose documents speak of it.

import type { Lang } from './corpus';

export interface ConceptForm {
  readonly lang: Lang;
  readonly form: string;
  /** Every paragraph of the language's documents where the form stands. */
  readonly anchors: readonly { readonly docRef: string; readonly anchor: string }[];
}

export interface Concept {
  readonly id: string;
  /** English, lower case: what a user types. Each term belongs to one concept. */
  readonly terms: readonly string[];
  readonly forms: readonly ConceptForm[];
}

/** A form and the paragraphs where it stands, grouped by document: { '10474/17': ['p2', 'p5.i5'] }. */
function form(lang: Lang, text: string, where: Readonly<Record<string, readonly string[]>>): ConceptForm {
  const anchors = Object.entries(where).flatMap(([docRef, list]) =>
    list.map((anchor) => ({ docRef, anchor })),
  );
  return { lang, form: text, anchors };
}

export const GLOSSARY: readonly Concept[] = [
  {
    id: 'attribution',
    terms: ['attribution', 'attribute', 'attributed'],
    forms: [
      form('nl', 'toewijzing', { '10474/17': ['p4'] }),
      form('lv', 'piedēvēšana', { '10474/17': ['p4'] }),
      form('lv', 'piedēvēt', { '10474/17': ['p4'] }),
    ],
  },
  // `evenredige` (10119/24 §4) qualifies protective measures, not a diplomatic response, and the
  // Danish forms name the legal principle (7290/21 §19, §22): the words are the concept's, so search
  // finds them; the evidence map (FRAMEWORK.md §3) keeps them out.
  {
    id: 'proportionality',
    terms: ['proportionality', 'proportionate', 'proportional'],
    forms: [
      form('nl', 'in verhouding staan tot', { '10474/17': ['p5.i5'] }),
      form('nl', 'evenredige', { '10119/24': ['p4'] }),
      form('lv', 'samērība', { '10474/17': ['p5.i5'] }),
      form('da', 'proportionalitet', { '7290/21': ['p22'] }),
      form('da', 'proportionalitetsprincippet', { '7290/21': ['p19'] }),
    ],
  },
  // `omvang` is scope in 10474/17 §2 (omvang, schaal, ...) and scale in §5 fifth indent
  // (reikwijdte, omvang, ...): it is listed under both.
  {
    id: 'scope',
    terms: ['scope'],
    forms: [
      form('nl', 'reikwijdte', { '10474/17': ['p5.i5'], '6122/15': ['s6.c1'], '10119/24': ['p13'] }),
      form('nl', 'omvang', { '10474/17': ['p2', 'p5.i5'] }),
      form('lv', 'joma', { '10474/17': ['p2'] }),
      form('lv', 'jomu', { '10474/17': ['p5.i5'] }),
    ],
  },
  {
    id: 'scale',
    terms: ['scale'],
    forms: [
      form('nl', 'schaal', { '10474/17': ['p2'] }),
      form('nl', 'omvang', { '10474/17': ['p2', 'p5.i5'] }),
      form('lv', 'mērogs', { '10474/17': ['p2'] }),
      form('lv', 'mērogu', { '10474/17': ['p5.i5'] }),
    ],
  },
  {
    id: 'duration',
    terms: ['duration'],
    forms: [
      form('nl', 'duur', { '10474/17': ['p2', 'p5.i5'] }),
      form('lv', 'ilgums', { '10474/17': ['p2'] }),
      form('lv', 'ilgumu', { '10474/17': ['p5.i5'] }),
    ],
  },
  {
    id: 'intensity',
    terms: ['intensity'],
    forms: [
      form('nl', 'intensiteit', { '10474/17': ['p2', 'p5.i5'] }),
      form('lv', 'intensitāte', { '10474/17': ['p2'] }),
      form('lv', 'intensitāti', { '10474/17': ['p5.i5'] }),
    ],
  },
  {
    id: 'complexity',
    terms: ['complexity'],
    forms: [
      form('nl', 'complexiteit', { '10474/17': ['p2', 'p5.i5'] }),
      form('lv', 'kompleksums', { '10474/17': ['p2'] }),
      form('lv', 'kompleksumu', { '10474/17': ['p5.i5'] }),
    ],
  },
  {
    id: 'sophistication',
    terms: ['sophistication'],
    forms: [
      form('nl', 'verfijning', { '10474/17': ['p2', 'p5.i5'] }),
      form('lv', 'rafinētība', { '10474/17': ['p2'] }),
      form('lv', 'rafinētību', { '10474/17': ['p5.i5'] }),
    ],
  },
  // Danish `virkninger`: effects (7290/21 §26 systemic effects; §11, §19 the effects of
  // investments and of a recommendation).
  {
    id: 'impact',
    terms: ['impact', 'effects'],
    forms: [
      form('nl', 'impact', { '10474/17': ['p2', 'p5.i5'] }),
      form('lv', 'ietekme', { '10474/17': ['p2'] }),
      form('lv', 'ietekmi', { '10474/17': ['p5.i5'] }),
      form('da', 'virkninger', { '7290/21': ['p26'] }),
      form('da', 'virkningerne', { '7290/21': ['p11', 'p19'] }),
    ],
  },
  {
    id: 'situational-awareness',
    terms: ['situational awareness', 'shared situational awareness'],
    forms: [
      form('nl', 'situationeel bewustzijn', { '10474/17': ['p5.i4'], '10119/24': ['p8'] }),
      form('lv', 'situācijas apzināšanās', { '10474/17': ['p5.i4'] }),
      form('da', 'situationsbevidsthed', { '7290/21': ['p20', 'p24'] }),
    ],
  },
  {
    id: 'malicious-cyber-activities',
    terms: ['malicious cyber activities', 'malicious cyber activity', 'malicious activities'],
    forms: [
      form('nl', 'kwaadwillige cyberactiviteiten', {
        '10474/17': ['intro', 'h1', 'p1', 'p2', 'p4', 'p5', 'p6'],
        '10119/24': ['p4', 'p15'],
      }),
      form('nl', 'kwaadaardige cyberactiviteiten', { '10474/17': ['p3', 'p4'] }),
      form('nl', 'cyberactiviteit', { '10474/17': ['p5.i5'] }),
      form('lv', 'ļaunprātīgām kiberdarbībām', { '10474/17': ['intro', 'h1', 'p1', 'p4', 'p5', 'p6'] }),
      form('lv', 'ļaunprātīgas kiberdarbības', { '10474/17': ['p2', 'p3'] }),
      form('lv', 'kiberdarbības', { '10474/17': ['p2', 'p3', 'p5.i5'] }),
      form('da', 'ondsindede cyberaktiviteter', { '7290/21': ['r1.i13', 'p26', 'p27', 'p32'] }),
      form('da', 'ondsindede aktiviteter', { '7290/21': ['p29'] }),
      form('da', 'cyberaktiviteter', { '7290/21': ['r1.i13', 'p26', 'p27', 'p32'] }),
    ],
  },
  {
    id: 'restrictive-measures',
    terms: ['restrictive measures', 'restrictive measure', 'sanctions', 'sanctions regimes'],
    forms: [
      form('nl', 'beperkende maatregelen', { '10474/17': ['p5'], '10119/24': ['p6.closing'] }),
      form('nl', 'beperkende', { '10474/17': ['p5'], '10119/24': ['p6.i1', 'p6.closing'] }),
      form('nl', 'sanctieregelingen', { '10119/24': ['p6.closing'] }),
      form('lv', 'ierobežojošie pasākumi', { '10474/17': ['p5'] }),
      form('da', 'restriktive foranstaltninger', { '7290/21': ['p26'] }),
    ],
  },
  {
    id: 'confidence-building-measures',
    terms: [
      'confidence-building measures', 'confidence building measures', 'confidence building', 'cbms',
    ],
    forms: [
      form('nl', 'vertrouwenwekkende maatregelen', { '10474/17': ['p3'] }),
      form('nl', 'vertrouwenscheppende maatregelen', { '6122/15': ['s2.c2'] }),
      form('nl', 'opbouwen van vertrouwen', { '6122/15': ['s5.c5.i6'] }),
      form('lv', 'uzticības veicināšanas pasākumus', { '10474/17': ['p3'] }),
      form('da', 'tillidsskabende foranstaltninger', { '7290/21': ['p7'] }),
      form('da', 'fremme tillid', { '7290/21': ['p26'] }),
    ],
  },
  {
    id: 'capacity-building',
    terms: ['capacity building', 'capacity-building', 'cyber capacity building'],
    forms: [
      form('nl', 'cybercapaciteitsopbouw', {
        '10474/17': ['p1'],
        '6122/15': ['r1', 'c1.i7', 's5', 's5.c1', 's5.c5.i1', 's5.c5.i2', 's5.c5.i3', 's5.c5.i4'],
      }),
      form('lv', 'kiberspēju veidošana', { '10474/17': ['p1'] }),
      form('da', 'kapacitetsopbygning', { '7290/21': ['p23', 'p26'] }),
      form('da', 'cyberkapacitetsopbygning', { '7290/21': ['p31'] }),
      form('da', 'opbygning af cybersikkerhedskapacitet', { '7290/21': ['r1.i4'] }),
      form('da', 'opbygning af ekstern cyberkapacitet', { '7290/21': ['r1.i14'] }),
    ],
  },
  {
    id: 'cyber-dialogues',
    terms: ['cyber dialogues', 'cyber dialogue', 'dialogue', 'dialogues', 'cyber consultations'],
    forms: [
      form('nl', 'cyberdialogen', { '10474/17': ['p1'], '6122/15': ['s6.c3'] }),
      form('nl', 'dialogen', { '6122/15': ['s6.c4', 's6.c6.i2'] }),
      form('nl', 'cyberoverleg', { '6122/15': ['s6.c4', 's6.c6.i5'] }),
      form('lv', 'kiberdialogiem', { '10474/17': ['p1'] }),
      form('da', 'cyberdialoger', { '7290/21': ['p29'] }),
      form('da', 'dialoger', { '7290/21': ['p27'] }),
      form('da', 'dialog', { '7290/21': ['p26'] }),
    ],
  },
  // The Latvian 10474/17 §6 speaks of testing (testēšanu), not of exercises: no Latvian form.
  {
    id: 'exercises',
    terms: ['exercises', 'exercise', 'cyber exercises'],
    forms: [
      form('nl', 'oefeningen', { '10474/17': ['p6'], '10119/24': ['p15'] }),
      form('nl', 'cyberoefeningen', { '6122/15': ['s5.c5.i6'] }),
      form('da', 'øvelser', { '7290/21': ['p20', 'p27'] }),
    ],
  },
  {
    id: 'international-law',
    terms: ['international law'],
    forms: [
      form('nl', 'internationaal recht', { '10474/17': ['p2', 'p3', 'p4', 'p5.i6'] }),
      form('nl', 'internationale recht', { '6122/15': ['r1', 's1.c2.i3', 's2', 's2.c1', 's2.c4.i1', 's2.c4.i3'] }),
      form('nl', 'internationale wetgeving', { '6122/15': ['s2.c4.i1'] }),
      form('nl', 'volkenrechtelijke', { '10474/17': ['p2'] }),
      form('lv', 'starptautiskajām tiesībām', { '10474/17': ['p2'] }),
      form('lv', 'starptautiskajās tiesībās', { '10474/17': ['p2'] }),
      form('lv', 'starptautiskie tiesību akti', { '10474/17': ['p3'] }),
      form('lv', 'starptautiskajiem tiesību aktiem', { '10474/17': ['p4'] }),
      form('lv', 'starptautiskās tiesības', { '10474/17': ['p5.i6'] }),
      form('da', 'folkeretten', { '7290/21': ['p7', 'p28'] }),
    ],
  },
  {
    id: 'un-charter',
    terms: ['un charter', 'charter of the united nations', 'united nations charter'],
    forms: [
      form('nl', 'Handvest van de Verenigde Naties', { '6122/15': ['s2.c1'] }),
      form('da', 'FN-pagten', { '7290/21': ['p7'] }),
    ],
  },
  {
    id: 'human-rights',
    terms: ['human rights', 'human rights defenders'],
    forms: [
      form('nl', 'mensenrechten', {
        '6122/15': [
          'r1', 'r3', 'r6', 'c1.i1', 's1', 's1.c1', 's1.c2.i1', 's1.c2.i2', 's1.c2.i3', 's1.c3.i1',
          's1.c3.i3', 's5.c1', 's5.c3', 's6.c4',
        ],
        '10119/24': ['p5'],
      }),
      form('nl', 'rechten van de mens', { '6122/15': ['r5'] }),
      form('nl', 'mensenrechtenverdedigers', { '6122/15': ['s1.c3'] }),
      form('nl', 'Mensenrechtenraad', { '6122/15': ['s1.c1'] }),
      form('da', 'menneskerettigheder', { '7290/21': ['p1', 'p4'] }),
      form('da', 'menneskerettighederne', { '7290/21': ['p4', 'p8', 'p23'] }),
      form('da', 'menneskerettighedsforkæmpere', { '7290/21': ['p4'] }),
    ],
  },
  {
    id: 'fundamental-rights',
    terms: ['fundamental rights', 'fundamental freedoms', 'fundamental rights and freedoms'],
    forms: [
      form('nl', 'grondrechten', { '10474/17': ['p1'], '6122/15': ['r5', 's1.c2.i3', 's1.c2.i4'], '10119/24': ['p1'] }),
      form('nl', 'fundamentele rechten', { '10474/17': ['p5.i6'] }),
      form('nl', 'fundamentele vrijheden', { '6122/15': ['r5', 'c1.i2', 's1.c1', 's1.c2.i1', 's1.c3.i3'] }),
      form('lv', 'pamattiesības', { '10474/17': ['p1', 'p5.i6'] }),
      form('lv', 'pamatbrīvības', { '10474/17': ['p5.i6'] }),
      form('da', 'grundlæggende rettigheder', { '7290/21': ['p21', 'p22'] }),
      form('da', 'grundlæggende frihedsrettigheder', { '7290/21': ['p1', 'p4', 'p23'] }),
    ],
  },
  // No seed names due diligence; 10474/17 §2 states it (no territory used for wrongful acts).
  {
    id: 'state-responsibility',
    terms: [
      'state responsibility', 'responsibility of states', 'due diligence',
      'internationally wrongful acts', 'wrongful acts',
    ],
    forms: [
      form('nl', 'verantwoordelijkheid van de staat', { '10474/17': ['p4'] }),
      form('nl', 'aansprakelijkheid van staten', { '6122/15': ['s2.c4.i2'] }),
      form('nl', 'onrechtmatige daden', { '10474/17': ['p2'], '6122/15': ['s2.c4.i2'] }),
      form('lv', 'valsts atbildību', { '10474/17': ['p4'] }),
      form('lv', 'prettiesisku darbību', { '10474/17': ['p2'] }),
    ],
  },
  {
    id: 'responsible-state-behaviour',
    terms: [
      'responsible state behaviour', 'responsible state behavior',
      'norms of responsible state behaviour',
    ],
    forms: [
      form('nl', 'verantwoordelijk gedrag van staten', { '10474/17': ['p3'], '6122/15': ['s2.c4.i1'] }),
      form('lv', 'atbildīgai valstu uzvedību', { '10474/17': ['p3'] }),
      form('da', 'ansvarlig statslig adfærd', { '7290/21': ['p28'] }),
    ],
  },
  {
    id: 'critical-infrastructure',
    terms: ['critical infrastructure', 'critical infrastructures', 'critical entities'],
    forms: [
      form('nl', 'kritieke infrastructuur', { '10119/24': ['p15'] }),
      form('nl', 'kritieke informatie-infrastructuur', { '6122/15': ['s5.c5.i6'] }),
      form('nl', 'kritieke entiteiten', { '10119/24': ['p6.closing'] }),
      form('da', 'kritiske infrastruktur', { '7290/21': ['p26'] }),
    ],
  },
  // No Dutch seed speaks of essential services (nor the Latvian one); 7290/21 §26 does.
  {
    id: 'essential-services',
    terms: ['essential services', 'essential service'],
    forms: [
      form('da', 'væsentlige tjenester', { '7290/21': ['p26'] }),
    ],
  },
  {
    id: 'elections',
    terms: [
      'elections', 'election', 'electoral processes', 'democratic processes', 'democratic process',
    ],
    forms: [
      form('nl', 'verkiezingen', { '10119/24': ['p1', 'p2', 'p3', 'p8', 'p13', 'p15', 'p16'] }),
      form('nl', 'verkiezingsprocessen', { '10119/24': ['intro', 'h1', 'p9', 'p14'] }),
      form('nl', 'verkiezingsperiode', { '10119/24': ['p9'] }),
      form('nl', 'democratische processen', { '10119/24': ['p3', 'p4', 'p5'] }),
      form('nl', 'democratische proces', { '10119/24': ['p8'] }),
      form('da', 'demokratiske institutioner og processer', { '7290/21': ['p26'] }),
      form('da', 'demokratiske systemers', { '7290/21': ['p32'] }),
    ],
  },
  {
    id: 'hybrid-threats',
    terms: ['hybrid threats', 'hybrid threat', 'hybrid campaigns', 'hybrid campaign'],
    forms: [
      form('nl', 'hybride dreigingen', { '10119/24': ['p6.i1', 'p7', 'p8', 'p15'] }),
      form('nl', 'hybride bedreigingen', { '10119/24': ['p7'] }),
      form('nl', 'hybride campagnes', { '10119/24': ['p4', 'p5', 'p6', 'p6.i1', 'p6.closing', 'p15'] }),
      form('nl', 'hybride campagne', { '10119/24': ['p6.i3'] }),
      form('nl', 'hybride tactieken', { '10119/24': ['p2'] }),
      form('nl', 'hybride activiteiten', { '10119/24': ['p6.closing'] }),
      form('da', 'hybride trusler', { '7290/21': ['r1.i7', 'r1.i10', 'r2'] }),
    ],
  },
  {
    id: 'fimi',
    terms: [
      'fimi', 'foreign information manipulation and interference', 'information manipulation',
      'foreign interference', 'interference', 'disinformation',
    ],
    forms: [
      form('nl', 'FIMI', { '10119/24': ['p6', 'p6.i2', 'p6.closing', 'p13', 'p15'] }),
      form('nl', 'informatiemanipulatie', { '10119/24': ['p6', 'p6.i2'] }),
      form('nl', 'inmenging', { '10119/24': ['intro', 'h1', 'p1', 'p3', 'p5', 'p6', 'p6.i2', 'p9', 'p11', 'p14'] }),
      form('nl', 'desinformatie', { '10119/24': ['p6.closing', 'p9', 'p10', 'p13', 'p15'] }),
      form('nl', 'onlinedesinformatie', { '10119/24': ['p9'] }),
      form('da', 'desinformation', { '7290/21': ['r1.i10', 'r2'] }),
    ],
  },
  {
    id: 'cyber-diplomacy-toolbox',
    terms: [
      'cyber diplomacy toolbox', 'joint diplomatic response',
      'framework for a joint eu diplomatic response',
    ],
    forms: [
      form('nl', 'instrumentarium voor cyberdiplomatie', { '10474/17': ['intro', 'h1'], '10119/24': ['p6.i3'] }),
      form('nl', 'gezamenlijke diplomatieke EU-respons', { '10474/17': ['intro', 'h1'] }),
      form('nl', 'gezamenlijke Europese diplomatieke reactie', { '10474/17': ['p4', 'p5'] }),
      form('nl', 'gezamenlijke diplomatieke reactie', { '10474/17': ['p5', 'p6'] }),
      form('lv', 'kiberdiplomātijas instrumentu kopums', { '10474/17': ['intro', 'h1'] }),
      form('lv', 'vienotai ES diplomātiskajai reakcijai', { '10474/17': ['intro', 'h1', 'p5', 'p6'] }),
      form('lv', 'vienotai ES diplomātiskai reakcijai', { '10474/17': ['p4'] }),
      form('lv', 'vienotos ES diplomātiskās reakcijas', { '10474/17': ['p4'] }),
      form('da', 'cyberdiplomatisk værktøjskasse', { '7290/21': ['r1.i13'] }),
      form('da', 'cyberdiplomatiske værktøjskasse', { '7290/21': ['p26'] }),
      form('da', 'cyberdiplomatiske værktøjskasses', { '7290/21': ['p26'] }),
      form('da', "EU's fælles diplomatiske reaktion", { '7290/21': ['r1.i13'] }),
    ],
  },
  {
    id: 'cyber-diplomacy',
    terms: ['cyber diplomacy', 'cyber-diplomacy'],
    forms: [
      form('nl', 'cyberdiplomatie', {
        '10474/17': ['intro', 'h1', 'p1'],
        '6122/15': ['intro', 'h1', 'c1', 's3.c1', 's5.c1', 's6.c7'],
        '10119/24': ['p6.i3'],
      }),
      form('lv', 'kiberdiplomātijas', { '10474/17': ['intro', 'h1', 'p1'] }),
      form('lv', 'kiberdiplomātiju', { '10474/17': ['p1'] }),
      form('lv', 'kiberdiplomātijai', { '10474/17': ['p1'] }),
      form('da', 'cyberdiplomati', { '7290/21': ['r1.i11', 'p7'] }),
      form('da', 'cyberdiplomatisk', { '7290/21': ['r1.i13', 'p29'] }),
      form('da', 'cyberdiplomatiske', { '7290/21': ['p26'] }),
    ],
  },
  // The articles occur only in Danish (7290/21 §26).
  {
    id: 'solidarity',
    terms: [
      'solidarity', 'mutual assistance', 'solidarity clause', 'mutual assistance clause',
      'article 42(7) teu', 'art. 42(7) teu', 'article 222 tfeu', 'art. 222 tfeu',
    ],
    forms: [
      form('nl', 'solidariteit', { '10119/24': ['p4', 'p6.i1'] }),
      form('nl', 'wederzijdse bijstand', { '10119/24': ['p6.i1'] }),
      form('da', 'artikel 42, stk. 7, i TEU', { '7290/21': ['p26'] }),
      form('da', 'artikel 222 i TEUF', { '7290/21': ['p26'] }),
    ],
  },
  // Danish: the Union's foreign and security policy, of the global strategy (7290/21 r3);
  // the Danish seed does not name the CFSP itself.
  {
    id: 'cfsp',
    terms: ['cfsp', 'common foreign and security policy'],
    forms: [
      form('nl', 'gemeenschappelijk buitenlands en veiligheidsbeleid', { '10474/17': ['p1', 'p5'], '6122/15': ['r1'] }),
      form('nl', 'GBVB', { '10474/17': ['p5.i3'] }),
      form('lv', 'Kopējai ārpolitikai un drošības politikai', { '10474/17': ['p1'] }),
      form('lv', 'kopējās ārpolitikas un drošības politikas', { '10474/17': ['p5'] }),
      form('lv', 'KĀDP', { '10474/17': ['p5.i3'] }),
      form('da', 'udenrigs- og sikkerhedspolitik', { '7290/21': ['r3'] }),
    ],
  },
  {
    id: 'integrity',
    terms: ['integrity'],
    forms: [
      form('nl', 'integriteit', { '10474/17': ['p1', 'p5.i1'], '10119/24': ['p3', 'p9'] }),
      form('lv', 'integritāti', { '10474/17': ['p1', 'p5.i1'] }),
      form('da', 'integritet', { '7290/21': ['p8', 'p13', 'p26', 'p28', 'p32'] }),
    ],
  },
];
