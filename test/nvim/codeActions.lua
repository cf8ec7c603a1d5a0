-- Headless Neovim 0.7.2 test of the quick fixes: starts `node dist/server.js --stdio`, waits for the
-- pushed diagnostic, asks for code actions, resolves the preferred one (codeAction/resolve, which
-- Neovim 0.7 supports for `edit`), applies it with Neovim's own apply_workspace_edit and checks the
-- document, the created .env buffer and the .gitignore buffer. Exits `qa!` on success, `cq` on failure.
-- Inputs (set by test/nvim/runCodeActions.ts): SH_SERVER, SH_WORKSPACE, SH_FILE, SH_EXPECT_TEXT,
-- SH_EXPECT_ENV_LINE, SH_TIMEOUT_MS.
local harness = dofile(os.getenv('SH_LUA_DIR') .. '/harness.lua')
local check = harness.check

harness.run(function()
  local server, workspace, file = os.getenv('SH_SERVER'), os.getenv('SH_WORKSPACE'), os.getenv('SH_FILE')
  local expect_text, expect_env = os.getenv('SH_EXPECT_TEXT'), os.getenv('SH_EXPECT_ENV_LINE')
  local timeout = tonumber(os.getenv('SH_TIMEOUT_MS') or '30000')
  assert(server and workspace and file and expect_text and expect_env, 'run through test/nvim/runCodeActions.ts')

  local published = {}
  local client_id, bufnr, uri = harness.open_with_server(server, workspace, file, function(_, result)
    published[result.uri] = result.diagnostics
  end)
  local arrived = vim.wait(timeout, function() return published[uri] ~= nil and #published[uri] > 0 end, 50)
  check(arrived, 'a diagnostic was pushed')
  local diagnostic = published[uri][1]
  local client = vim.lsp.get_client_by_id(client_id)

  local response = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = diagnostic.range,
    context = { diagnostics = { diagnostic } },
  }, timeout, bufnr)
  check(response and not response.err, 'codeAction answered')
  local actions = (response and response.result) or {}
  local preferred, preferred_count, suppressions_preferred = nil, 0, false
  for _, action in ipairs(actions) do
    if action.isPreferred then preferred = action; preferred_count = preferred_count + 1 end
    if action.title:find('Ignore') and action.isPreferred then suppressions_preferred = true end
  end
  check(preferred_count == 1, 'exactly one preferred action')
  check(not suppressions_preferred, 'suppressions are never preferred')
  if not preferred.edit then
    local resolved = client.request_sync('codeAction/resolve', preferred, timeout, bufnr)
    check(resolved and not resolved.err and resolved.result.edit, 'codeAction/resolve returned the edit')
    preferred = resolved.result
  end
  vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')

  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
  check(text == expect_text, 'document text after the fix is the expected reference')
  local env_buf = vim.fn.bufnr(workspace .. '/.env')
  check(env_buf ~= -1, '.env was created and opened by the edit')
  local env_text = table.concat(vim.api.nvim_buf_get_lines(env_buf, 0, -1, false), '\n')
  check(env_text:find(expect_env, 1, true) ~= nil, '.env holds the value under its name')
  local ignore_buf = vim.fn.bufnr(workspace .. '/.gitignore')
  check(ignore_buf ~= -1 and table.concat(vim.api.nvim_buf_get_lines(ignore_buf, 0, -1, false), '\n'):find('.env', 1, true) ~= nil, '.gitignore ignores .env')

  client.stop()
  vim.wait(5000, function() return client.is_stopped() end, 50)
end)
