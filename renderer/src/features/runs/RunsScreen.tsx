import { RunList } from './RunList';
import { RunPage } from './RunPage';
import { useRuns } from './store';
import './runs-screen.css';

/**
 * The runs screen: the list of runs, or one run. onOpenWorkspace: where the run of a
 * delegation's workspace leads back to (another feature's screen, which the shell knows).
 */
export function RunsScreen({ onOpenWorkspace }: { onOpenWorkspace: (runId: string) => void }) {
  const view = useRuns((s) => s.view);
  return view.kind === 'run' ? <RunPage key={view.id} onOpenWorkspace={onOpenWorkspace} /> : <RunList />;
}
