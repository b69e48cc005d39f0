import type { Concept, ConceptForm } from '../../../shared/glossary';
import { englishStem } from './stem';
import { foldedWords } from './words';

/** What search needs of a glossary concept: its English terms and its forms in the corpus, not where they stand. */
export interface SearchConcept extends Pick<Concept, 'id' | 'terms'> {
  readonly forms: readonly Pick<ConceptForm, 'lang' | 'form'>[];
}

/** A glossary term found in a query: the concept it names. */
export interface TermMatch {
  readonly term: string;
  readonly concept: SearchConcept;
}

/** Terms by their stemmed English words, so "sanction" and "sanctions" name one concept. */
export class TermIndex {
  private readonly byKey = new Map<string, TermMatch[]>();
  readonly longest: number;

  constructor(glossary: readonly SearchConcept[]) {
    let longest = 0;
    for (const concept of glossary) {
      for (const term of concept.terms) {
        const key = termKey(foldedWords(term));
        if (key === '') continue;
        longest = Math.max(longest, key.split(' ').length);
        const matches = this.byKey.get(key) ?? [];
        if (!matches.some((m) => m.concept.id === concept.id)) matches.push({ term, concept });
        this.byKey.set(key, matches);
      }
    }
    this.longest = longest;
  }

  /** The concepts whose term is exactly these folded words. */
  find(folded: readonly string[]): readonly TermMatch[] {
    return this.byKey.get(termKey(folded)) ?? [];
  }
}

const termKey = (folded: readonly string[]): string => folded.map(englishStem).join(' ');

// One index per glossary: building it stems every term, which a keystroke need not repeat.
const indexes = new WeakMap<readonly SearchConcept[], TermIndex>();

export function termIndex(glossary: readonly SearchConcept[]): TermIndex {
  let index = indexes.get(glossary);
  if (!index) indexes.set(glossary, (index = new TermIndex(glossary)));
  return index;
}
