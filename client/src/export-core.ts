/**
 * What the export command needs from the shared core, bundled on its own (dist/export-host.js) and
 * loaded the first time the command runs, so the Word library does not slow the extension's start.
 */
export { CONFIG_FILE, parseConfig } from '../../server/src/core/config';
export { exportToDocx, preparePlan } from '../../server/src/export/docx';
export { passwordProblem } from '../../server/src/export/encrypt';
export { Encrypter } from '../../server/src/export/encrypt-pool';
export { writeFileAtomic } from '../../server/src/export/write';
