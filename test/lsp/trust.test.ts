import * as assert from 'node:assert/strict';
import { PROFILES, startServerInProcess, type InProcessServer } from './harness';
import { codes, customRule, fakeCustomValue } from './fixtures';

/**
 * The harness client answers workspace/configuration with the workspace's values even when untrusted
 * (a naive client): the server itself must drop workspace-level custom rules.
 */
for (const profile of PROFILES) {
  describe(`untrusted workspace (${profile} client)`, function () {
    this.timeout(20_000);
    let server: InProcessServer | undefined;
    afterEach(async () => {
      await server?.dispose();
      server = undefined;
    });

    const text = `a = ${fakeCustomValue('acme_', 'trust-ws')}\nb = ${fakeCustomValue('zeta_', 'trust-user')}\n`;
    const options = {
      settings: { customRules: [customRule('workspace-acme', 'acme_')], fingerprintKey: 'workspace-chosen-key' },
      userSettings: { customRules: [customRule('user-zeta', 'zeta_')] },
    };

    it('ignores workspace custom rules but honours the user ones', async () => {
      server = await startServerInProcess(profile, { ...options, trusted: false });
      const uri = await server.open('conf.ini', text);
      assert.deepEqual(codes(await server.diagnostics(uri)), ['custom-user-zeta']);
    });

    it('does not take the fingerprint key from the workspace', async () => {
      const fingerprintWith = async (opts: Parameters<typeof startServerInProcess>[1]) => {
        const s = await startServerInProcess(profile, opts);
        try {
          const [d] = await s.diagnostics(await s.open('conf.ini', text));
          return (d.data as { fingerprint: string }).fingerprint;
        } finally {
          await s.dispose();
        }
      };
      const userRules = options.userSettings.customRules;
      const untrusted = await fingerprintWith({ ...options, trusted: false });
      const defaultKey = await fingerprintWith({ settings: { customRules: userRules } });
      const workspaceKey = await fingerprintWith({ settings: { customRules: userRules, fingerprintKey: 'workspace-chosen-key' } });
      assert.equal(untrusted, defaultKey);
      assert.notEqual(workspaceKey, defaultKey, 'a trusted workspace key does change fingerprints');
    });

    it('applies workspace custom rules once trust is granted', async () => {
      server = await startServerInProcess(profile, { ...options, trusted: false });
      const uri = await server.open('conf.ini', text);
      assert.deepEqual(codes(await server.diagnostics(uri)), ['custom-user-zeta']);
      const trusted = await server.diagnosticsAfter(uri, () => server!.setTrust(true, options.userSettings));
      assert.deepEqual(codes(trusted), ['custom-workspace-acme']);
    });

    it('uses workspace custom rules when trusted or when the client has no trust model', async () => {
      server = await startServerInProcess(profile, { settings: options.settings });
      const uri = await server.open('conf.ini', text);
      assert.deepEqual(codes(await server.diagnostics(uri)), ['custom-workspace-acme']);
    });
  });
}
