import { RunList } from './RunList';
import { RunPage } from './RunPage';
import { useRuns, type RunHost } from './store';
import './runs-screen.css';

/**
 * The runs screen: the list of runs, or one run. The shell shows a delegation's run on its
 * exercise's screen instead (`host`), and knows where the ways back lead: a delegation's
 * workspace (onOpenWorkspace) and an exercise's console (onOpenExercise) are other features'.
 */
export function RunsScreen({
  host = 'runs',
  onOpenWorkspace,
  onOpenExercise,
}: {
  host?: RunHost;
  onOpenWorkspace: (runId: string) => void;
  onOpenExercise: (exerciseId: string) => void;
}) {
  const view = useRuns((s) => s.view);
  const here = useRuns((s) => s.host === host);
  return view.kind === 'run' && here ? (
    <RunPage key={view.id} onOpenWorkspace={onOpenWorkspace} onOpenExercise={onOpenExercise} />
  ) : (
    <RunList onOpenExercise={onOpenExercise} />
  );
}
