import { mkdirSync, writeFileSync } from 'node:fs';
import { tempDir } from '../support/temp';
import { benchCorpus } from './corpus';
import { Report } from './report';
import { benchWorkflow } from './workflow';
import { benchExercise } from './exercise';
import { benchScale } from './scale';
import { benchRenderer } from './renderer';
import { benchAfterAction } from './after-action';
import { benchExchange } from './exchange';
import { benchConsensus } from './consensus';

// `npm run bench` (full) or `npm run bench -- --quick` (smaller sizes, for a smoke run).
const quick = process.argv.includes('--quick');
const temp = tempDir('cdt-bench-');
const report = new Report();
try {
  benchCorpus(report, temp.dir, quick);
  benchWorkflow(report, temp.dir, quick);
  benchExercise(report, temp.dir, quick);
  benchScale(report, temp.dir, quick);
  benchExchange(report, temp.dir, quick);
  benchConsensus(report, temp.dir, quick);
  await benchAfterAction(report, temp.dir, quick);
  await benchRenderer(report, quick);
} finally {
  temp.cleanup();
}
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/results.json', JSON.stringify({ date: new Date().toISOString(), quick, rows: report.rows }, null, 2));
console.log('Results written to .bench/results.json');
