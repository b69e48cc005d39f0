import { RunList } from './RunList';
import { RunPage } from './RunPage';
import { useRuns } from './store';
import './runs-screen.css';

/** The runs screen: the list of runs, or one run. */
export function RunsScreen() {
  const view = useRuns((s) => s.view);
  return view.kind === 'run' ? <RunPage key={view.id} /> : <RunList />;
}
