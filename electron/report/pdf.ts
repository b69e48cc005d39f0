import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExerciseError } from '../exercise/errors';

/**
 * PDF for the command line: the report's HTML printed by a Chromium on this machine, the
 * same engine (and the same page, markings and page numbers included) the app prints with.
 * Chromium runs headless with everything that could reach a network switched off.
 */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const PRINT_TIMEOUT_MS = 120_000;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to print with: the one named, else the first on PATH; null when there is none. */
export function findChromium(named: string | undefined, path = process.env.PATH ?? ''): string | null {
  if (named !== undefined) return isExecutable(named) ? named : null;
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const name of CHROMIUM_NAMES) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function chromiumArgs(htmlFile: string, pdfFile: string, profile: string, asRoot: boolean): string[] {
  return [
    '--headless',
    ...(asRoot ? ['--no-sandbox'] : []), // Chromium refuses to run as root with its sandbox
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-quic',
    '--no-pdf-header-footer', // the page's own margin boxes carry the markings
    '--run-all-compositor-stages-before-draw',
    `--user-data-dir=${profile}`, // a fresh profile, removed with the work folder
    `--print-to-pdf=${pdfFile}`,
    pathToFileURL(htmlFile).href,
  ];
}

/** Prints the HTML and returns the PDF's bytes; throws with Chromium's own words when it fails. */
export function printPdfWithChromium(html: string, chromium: string): Buffer {
  const work = mkdtempSync(join(tmpdir(), 'cdt-report-'));
  try {
    const htmlFile = join(work, 'report.html');
    const pdfFile = join(work, 'report.pdf');
    writeFileSync(htmlFile, html);
    const result = spawnSync(chromium, chromiumArgs(htmlFile, pdfFile, join(work, 'profile'), process.getuid?.() === 0), {
      timeout: PRINT_TIMEOUT_MS,
      encoding: 'utf8',
    });
    let pdf: Buffer | null = null;
    try {
      pdf = readFileSync(pdfFile);
    } catch {
      pdf = null;
    }
    if (result.error || pdf === null || pdf.length === 0) {
      const why = result.error?.message ?? (result.stderr.trim().split('\n').slice(-2).join(' ') || `exit code ${String(result.status)}`);
      throw new ExerciseError(`Chromium (${chromium}) did not print the report: ${why}`);
    }
    return pdf;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
