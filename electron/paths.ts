import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'CDT Workbench';
export const DB_FILE_NAME = 'cdt-workbench.sqlite';
/** The finished sample exercise, in resources/exercises (and the packaged app's resources). */
export const SAMPLE_EXERCISE_FILE = 'cold-ward-completed.cdt-exercise.json';

/**
 * The folder Electron's app.getPath('userData') gives on each platform, computed
 * without Electron so that the command line opens the app's own database.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
  }
}
