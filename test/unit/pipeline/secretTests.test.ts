import { strict as assert } from 'node:assert';
import { onlyTestsSecrets } from '../../../server/src/engine/pipeline/secretTests';

describe('GitHub expressions that only test a secret', () => {
  it('recognises comparisons, negations and literal choices', () => {
    for (const e of ["secrets.TOKEN != ''", "secrets.TOKEN == ''", "'' != secrets.TOKEN", '!secrets.TOKEN', "secrets.TOKEN && 'deploy' || 'dry-run'", "secrets['TOKEN'] != ''", "secrets.A != '' && secrets.B != ''"]) {
      assert.ok(onlyTestsSecrets(e), e);
    }
  });
  it('keeps expressions whose value can be the secret', () => {
    for (const e of ['secrets.TOKEN', 'secrets.A || secrets.B', "secrets.TOKEN != '' && secrets.TOKEN", "secrets.TOKEN || 'none'", "format('{0}', secrets.TOKEN)", 'github.sha']) {
      assert.ok(!onlyTestsSecrets(e), e);
    }
  });
});
