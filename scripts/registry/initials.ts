/**
 * Writes registries/default.initials.json: the pinyin initials of every name and alias of the
 * default registry, so the language server offers "kjt" → 省科技厅 without loading pinyin-pro's
 * dictionary (~28 MB of memory in every server process). A unit test fails when the file no longer
 * matches the registry; run `npm run initials` after changing registries/default.json.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultInitials, pinyinLetters } from '../../server/src/features/initials';

const out = join(__dirname, '..', '..', 'registries', 'default.initials.json');
writeFileSync(out, `${JSON.stringify(defaultInitials(pinyinLetters), null, 1)}\n`);
process.stdout.write(`wrote ${out}\n`);
