import type { Analyzer } from '../analyzer';
import { maskedPreview } from '../mask';
import type { RawFinding, RuleInfo } from '../types';
import { isPlaceholder, isSequence, shannonEntropy } from '../values';

/**
 * Files that are a key and nothing else, recognised by their path: Rails' `config/master.key` and
 * per-environment `config/credentials/<env>.key` (32 hex characters that decrypt the committed
 * `credentials.yml.enc`). Nothing inside names them, so no keyword leads a rule to them.
 */
export const RAILS_MASTER_KEY_RULE: RuleInfo = {
  id: 'rails-master-key',
  title: 'Rails master key',
  kind: 'secret',
  severity: 'error',
  provider: 'Ruby on Rails',
  description:
    'The Rails master key decrypts config/credentials.yml.enc: with both in the repository, every credential the application keeps there is readable, in every past commit too.',
  remediation:
    'Read the current values (bin/rails credentials:show), delete config/master.key and config/credentials.yml.enc, run bin/rails credentials:edit to create a new key and file, and rotate every credential the old file held (its history keeps them readable). Keep the new key out of git (config/master.key is in the default .gitignore) and give it to servers as RAILS_MASTER_KEY.',
};

const RAILS_KEY_PATH = /(?:^|\/)config\/(?:master|credentials\/[\w.-]+)\.key$/i;
const HEX_32 = /^[0-9a-f]{32}$/;

export const keyFileAnalyzer: Analyzer = {
  id: 'key-files',
  rules: [RAILS_MASTER_KEY_RULE],
  appliesTo: (ctx) => ctx.baseName.endsWith('.key') && RAILS_KEY_PATH.test(ctx.path),
  analyze: (ctx) => {
    const findings: RawFinding[] = [];
    const value = ctx.text.trim();
    if (HEX_32.test(value) && shannonEntropy(value) >= 3 && !isPlaceholder(value) && !isSequence(value)) {
      const start = ctx.text.indexOf(value);
      findings.push({
        ruleId: RAILS_MASTER_KEY_RULE.id,
        start,
        end: start + value.length,
        message: `Rails master key in ${ctx.path} (${maskedPreview(value)}): it decrypts the credentials file. Remove it from the repository and rotate the key and the credentials.`,
        data: { keyName: 'RAILS_MASTER_KEY', suggestedName: 'RAILS_MASTER_KEY', provider: 'Ruby on Rails' },
      });
    }
    return { findings };
  },
};
