-- Headless Neovim 0.7.2 test: starts `node dist/server.js --stdio` as an LSP client, opens a generated
-- fixture, waits for the pushed diagnostics, reads the inventory by the custom request and applies the
-- preferred code action. Exits with `qa!` on success and `cq` on any failure.
-- Inputs come from the environment (set by test/nvim/run.ts): SH_SERVER, SH_WORKSPACE, SH_FILE,
-- SH_EXPECT (JSON list of {code, range}), SH_TIMEOUT_MS.
local harness = dofile(os.getenv('SH_LUA_DIR') .. '/harness.lua')
local check = harness.check

harness.run(function()
  local server, workspace, file = os.getenv('SH_SERVER'), os.getenv('SH_WORKSPACE'), os.getenv('SH_FILE')
  local expected = vim.fn.json_decode(os.getenv('SH_EXPECT'))
  local timeout = tonumber(os.getenv('SH_TIMEOUT_MS') or '30000')
  assert(server and workspace and file and expected, 'run through test/nvim/run.ts (SH_* environment missing)')

  local published = {}
  local client_id, bufnr, uri = harness.open_with_server(server, workspace, file, function(e, result, ctx, config)
    published[result.uri] = result.diagnostics
    return vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, config)
  end)

  local function matches(d, e)
    return d.code == e.code and d.range.start.line == e.range.start.line and d.range.start.character == e.range.start.character
      and d.range['end'].line == e.range['end'].line and d.range['end'].character == e.range['end'].character
  end
  local function all_expected()
    local got = published[uri]
    if not got then return false end
    for _, e in ipairs(expected) do
      local found = false
      for _, d in ipairs(got) do if matches(d, e) then found = true end end
      if not found then return false end
    end
    return true
  end
  check(#expected > 0, 'fixture expects findings')
  local arrived = vim.wait(timeout, all_expected, 50)
  local summary = {}
  for _, d in ipairs(published[uri] or {}) do
    table.insert(summary, string.format('%s@%d:%d', tostring(d.code), d.range.start.line + 1, d.range.start.character + 1))
  end
  check(arrived, 'pushed diagnostics match the engine (' .. (#summary > 0 and table.concat(summary, ', ') or 'none') .. ')')

  -- No message repeats the secret: take the flagged text from the buffer and look for it.
  for _, d in ipairs(published[uri] or {}) do
    check(d.source == 'Secret Hygiene', 'source of ' .. tostring(d.code))
    local line = vim.api.nvim_buf_get_lines(bufnr, d.range.start.line, d.range.start.line + 1, false)[1] or ''
    if d.range.start.line == d.range['end'].line then
      local flagged = line:sub(d.range.start.character + 1, d.range['end'].character)
      if #flagged >= 12 then
        check(not string.find(d.message, flagged:sub(5), 1, true), 'message of ' .. tostring(d.code) .. ' does not hold the value')
      end
    end
  end
  -- The token the fixture expects first: its text, for "never repeated" checks.
  local primary = expected[1]
  local primary_line = vim.api.nvim_buf_get_lines(bufnr, primary.range.start.line, primary.range.start.line + 1, false)[1]
  local secret = primary_line:sub(primary.range.start.character + 1, primary.range['end'].character)
  local secret_body = secret:sub(5)
  local client = vim.lsp.get_client_by_id(client_id)

  -- The inventory, by the custom request (polled until indexing is over and the file is listed).
  local inventory
  local listed = vim.wait(timeout, function()
    local response = client.request_sync('secretHygiene/inventory', vim.empty_dict(), 5000, bufnr)
    if not response or response.err or not response.result or response.result.indexing then return false end
    for _, folder in ipairs(response.result.folders) do
      for _, s in ipairs(folder.secrets) do
        for _, o in ipairs(s.occurrences) do
          if o.path == file and o.kind == 'hard-coded' and o.ruleId == primary.code then inventory = response.result; return true end
        end
      end
    end
    return false
  end, 200)
  check(listed, 'secretHygiene/inventory lists the hard-coded ' .. primary.code .. ' in ' .. file)
  check(inventory ~= nil and not string.find(vim.fn.json_encode(inventory), secret_body, 1, true), 'the inventory never holds the value')

  -- Code actions: the preferred fix, resolved when the server sends it lazily, applied to the buffer.
  local params = {
    textDocument = { uri = uri },
    range = primary.range,
    context = { diagnostics = published[uri] or {} },
  }
  local response = client.request_sync('textDocument/codeAction', params, 10000, bufnr)
  local actions = (response and response.result) or {}
  local preferred
  for _, action in ipairs(actions) do if action.isPreferred then preferred = action end end
  check(#actions >= 2 and preferred ~= nil, 'code actions include a preferred fix (' .. #actions .. ' actions)')
  if preferred then
    if not preferred.edit then
      local resolved = client.request_sync('codeAction/resolve', preferred, 10000, bufnr)
      preferred = resolved and resolved.result or preferred
    end
    check(preferred.edit ~= nil, 'the preferred fix has an edit: ' .. preferred.title)
    if preferred.edit then
      vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding or 'utf-16')
      local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
      check(not string.find(text, secret, 1, true), 'the literal is gone from the buffer')
      check(string.find(text, 'process.env.', 1, true) ~= nil, 'the literal became a process.env reference')
      local env_buf = vim.fn.bufnr(workspace .. '/.env')
      local env_text = env_buf > 0 and table.concat(vim.api.nvim_buf_get_lines(env_buf, 0, -1, false), '\n') or ''
      check(string.find(env_text, secret, 1, true) ~= nil, '.env holds the value (not lost)')
      vim.lsp.buf_notify(bufnr, 'textDocument/didSave', { textDocument = { uri = uri } })
      local cleared = vim.wait(timeout, function()
        for _, d in ipairs(published[uri] or {}) do if d.code == primary.code then return false end end
        return true
      end, 50)
      check(cleared, 'the diagnostic clears after the fix')
    end
  end

  client.stop()
  vim.wait(5000, function() return client.is_stopped() end, 50)
end)
