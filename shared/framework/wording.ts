// The English the framework's explanations are written in, once: how a list, a dimension and
// a category read in a sentence, so the level, its reasons and the workflow's refusals agree.

import { CATEGORIES, DIMENSIONS, type CategoryId, type DimensionId } from './catalogue';

/** "a, b and c" */
export function listOf(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Lower-case the first letter, unless it starts an acronym ("EU institutions"). */
export function lowerFirst(text: string): string {
  const second = text.charAt(1);
  return second !== '' && second === second.toUpperCase() && second !== second.toLowerCase()
    ? text
    : text.charAt(0).toLowerCase() + text.slice(1);
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "scope", as a rating is named inside a sentence. */
export const dimensionName = (id: DimensionId): string => DIMENSIONS[id].label.toLowerCase();

/** "restrictive measures", as a category is named inside a sentence. */
export const categoryPhrase = (id: CategoryId): string => lowerFirst(CATEGORIES[id].label);
