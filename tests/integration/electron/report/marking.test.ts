import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printPdfWithChromium } from '../../../../electron/report/pdf';
import { reportHtml } from '../../../../shared/report/html';
import { reportWith } from '../../../unit/shared/report/fixture';
import { tempDir } from '../../../support/temp';

// The marking that once ended its CSS string with a form feed, hid the tamper warning and
// put a real-world marking on every page, printed by the Chromium the report is printed with.
const temp = tempDir();
afterAll(temp.cleanup);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HOSTILE = "EXERCISE\f}} h2, p.alert, .marking {display:none} @page{@top-center{content:'UNCLASSIFIED - REAL WORLD'}}";

describe.skipIf(!existsSync(CHROMIUM))('a hostile classification marking, printed', () => {
  it('changes the text of the margin boxes and nothing else', () => {
    const base = reportWith('North');
    const file = join(temp.dir, 'hostile.pdf');
    writeFileSync(file, printPdfWithChromium(reportHtml({ ...base, marking: { ...base.marking, classification: HOSTILE } }), CHROMIUM));
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(count).toBeGreaterThan(1);
    const page = (n: number): string =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // The summary says it first; the section on the record's integrity says it again, with the detail.
    expect(page(1)).toContain('WARNING: the record of South does not verify (under "Integrity of the record")');
    const integrity = Array.from({ length: count }, (_, i) => page(i + 1)).find((text) => text.includes('Integrity of the record Every') || text.includes('Integrity of the record WARNING'));
    expect(integrity).toContain('WARNING: the record of South does not verify. It was changed outside the app');
    for (let n = 1; n <= count; n++) {
      const text = page(n);
      // Top and bottom: the marking as written, from its start.
      expect(text.match(/EXERCISE · EXERCISE/g), `page ${n}`).toHaveLength(2);
      expect(text, `page ${n}`).toContain(`Page ${n} of ${count}`);
    }
  });
});
