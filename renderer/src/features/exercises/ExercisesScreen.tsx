import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../../shared/framework/catalogue';
// First: the feature's shared styles, which its components' own stylesheets refine.
import './exercises.css';
import { Console } from './Console';
import { ExerciseList } from './ExerciseList';
import { NewExercise } from './NewExercise';
import { ScenarioEditor } from './ScenarioEditor';
import { ScenarioList } from './ScenarioList';
import { useExercises, type ExercisesView } from './store';
import { useNavigation } from '../../ui/navigation';

/**
 * The facilitator's screen: exercises (list, new, console) and the scenarios they are built
 * from. `workspaces`: the delegation's side of this laptop (kits opened here), shown under the
 * list; another feature's, so the shell passes it in.
 */
export function ExercisesScreen({ onOpenRun, workspaces = null }: { onOpenRun: (runId: string) => void; workspaces?: ReactNode }) {
  const view = useExercises((s) => s.view);
  return (
    <div className="ex">
      <SectionSwitch view={view} />
      <Body view={view} onOpenRun={onOpenRun} workspaces={workspaces} />
    </div>
  );
}

function Body({ view, onOpenRun, workspaces }: { view: ExercisesView; onOpenRun: (runId: string) => void; workspaces: ReactNode }) {
  switch (view.kind) {
    case 'list':
      return <ExerciseList workspaces={workspaces} />;
    case 'new':
      return <NewExercise />;
    case 'console':
      return <Console key={view.id} id={view.id} onOpenRun={onOpenRun} />;
    case 'scenarios':
      return <ScenarioList />;
    case 'scenario':
      return <ScenarioEditor key={`${view.id ?? 'new'}:${view.copyOf ?? ''}`} id={view.id} copyOfId={view.copyOf ?? null} />;
    default:
      return assertNever(view, 'exercises view');
  }
}

/** Exercises or scenarios: two halves of the facilitator's work, one tab strip. */
function SectionSwitch({ view }: { view: ExercisesView }) {
  const { t } = useTranslation();
  const show = (to: ExercisesView): void => useNavigation.getState().leave(() => useExercises.getState().show(to));
  const loadExercises = useExercises((s) => s.loadExercises);
  useEffect(() => {
    if (view.kind === 'list') void loadExercises();
  }, [view.kind, loadExercises]);
  const inScenarios = view.kind === 'scenarios' || view.kind === 'scenario';
  return (
    <nav className="ex-switch" aria-label={t('exercises.switch.label')}>
      <button
        type="button"
        className="ex-switch__item"
        aria-current={view.kind === 'list' ? 'page' : !inScenarios ? 'true' : undefined}
        onClick={() => show({ kind: 'list' })}
      >
        {t('exercises.switch.exercises')}
      </button>
      <button
        type="button"
        className="ex-switch__item"
        aria-current={view.kind === 'scenarios' ? 'page' : inScenarios ? 'true' : undefined}
        onClick={() => show({ kind: 'scenarios' })}
      >
        {t('exercises.switch.scenarios')}
      </button>
    </nav>
  );
}
