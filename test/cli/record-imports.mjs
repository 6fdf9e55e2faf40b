// Preloaded with `node --import`: prints every module the process resolved, one per line, on exit.
import { registerHooks } from 'node:module';
import { writeSync } from 'node:fs';

const seen = [];
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    seen.push(result.url);
    return result;
  },
});
process.on('exit', () => writeSync(2, `\n${seen.map((url) => `imported ${url}`).join('\n')}\n`));
