import { STEP_IDS, STEPS } from '../framework/catalogue';
import { INJECT_KIND_LABELS, type Scenario } from '../exercise/scenario';
import { fields, heading, line, paragraph, their, type Block } from '../report/document';
import { pagesHtml } from '../report/html';
import { scenarioMarking } from '../report/model';

/**
 * The handouts of an exercise, for tables without laptops and for the room: the situation
 * manual (the scenario as delegations may see it, with the discussion questions of each step)
 * and, when asked, one card per inject to hand over as it is released. Printed like the
 * report: every page carries the EXERCISE marking and the classification.
 */
export interface HandoutInput {
  readonly exerciseName: string;
  readonly scenario: Scenario;
  readonly delegations: readonly string[];
}

function manualBlocks({ exerciseName, scenario, delegations }: HandoutInput): Block[] {
  const blocks: Block[] = [
    heading(1, 'Situation manual: ', their(exerciseName)),
    fields([
      ['Scenario', line(their(scenario.title))],
      ['Classification', line(their(scenario.classification.marking || 'none set'), ` · ${scenario.classification.tlp}`)],
      ['Delegations', line(...delegations.flatMap((d, i) => (i === 0 ? [their(d)] : [', ', their(d)])))],
    ]),
    paragraph(line('This is an exercise. Everything in it is fictional and must not be taken for a real-world decision or event.'), 'muted'),
  ];
  if (scenario.background.trim()) blocks.push(heading(2, 'Background'), paragraph(line(their(scenario.background))));
  blocks.push(heading(2, 'The incident'), paragraph(line(their(scenario.incident))));
  blocks.push(heading(2, 'The steps and their discussion questions'));
  for (const step of STEP_IDS) {
    blocks.push(heading(3, STEPS[step].label), paragraph(line(STEPS[step].description), 'muted'));
    const questions = scenario.questions[step] ?? [];
    if (questions.length === 0) blocks.push(paragraph(line('No discussion questions for this step.'), 'muted'));
    questions.forEach((q, i) => blocks.push(paragraph(line(`${i + 1}. `, their(q)))));
  }
  return blocks;
}

function cardBlocks({ scenario }: HandoutInput): Block[] {
  const count = scenario.injects.length;
  return scenario.injects.flatMap((inject, i): Block[] => [
    { type: 'pageBreak' },
    heading(1, `Inject ${i + 1} of ${count}: `, their(inject.title)),
    fields([
      ['Kind', line(INJECT_KIND_LABELS[inject.kind])],
      ['Planned at', line(`${inject.offsetMinutes} min of exercise time${inject.whiteCard ? ' (written during play)' : ''}`)],
    ]),
    paragraph(line(their(inject.body))),
    paragraph(line('Hand this card to a delegation only when the facilitator releases the inject.'), 'muted'),
  ]);
}

export const handoutsTitle = (input: HandoutInput, injects: boolean): string =>
  `${input.exerciseName} - situation manual${injects ? ' and inject cards' : ''}`;

export function handoutBlocks(input: HandoutInput, injects: boolean): Block[] {
  return [...manualBlocks(input), ...(injects ? cardBlocks(input) : [])];
}

export function handoutsHtml(input: HandoutInput, injects: boolean): string {
  return pagesHtml(handoutsTitle(input, injects), scenarioMarking(input.scenario), handoutBlocks(input, injects));
}
