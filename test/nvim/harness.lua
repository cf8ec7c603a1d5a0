-- Shared by the headless Neovim tests: logging, checks, and a runner that turns an error into a
-- failure and exits `qa!` when every check passed, `cq` otherwise. Loaded with dofile from
-- $SH_LUA_DIR (set by test/nvim/neovim.ts).
local M = { failures = 0 }

function M.log(message) io.stderr:write('[nvim] ' .. message .. '\n') end

function M.check(ok, message)
  if ok then M.log('ok   ' .. message) else M.failures = M.failures + 1; M.log('FAIL ' .. message) end
  return ok
end

function M.run(body)
  local ok, err = pcall(body)
  if not ok then M.failures = M.failures + 1; M.log('error: ' .. tostring(err)) end
  if M.failures > 0 then M.log(M.failures .. ' check(s) failed'); vim.cmd('cq') end
  M.log('all checks passed'); vim.cmd('qa!')
end

-- Starts `node SERVER --stdio` as this Neovim's LSP client for WORKSPACE, opens FILE of it attached to
-- the client, and returns the client id, the buffer and its URI. `on_publish` handles the pushed
-- textDocument/publishDiagnostics (same arguments as a Neovim handler).
function M.open_with_server(server, workspace, file, on_publish)
  local client_id = vim.lsp.start_client({
    name = 'secret-hygiene',
    cmd = { 'node', server, '--stdio' },
    root_dir = workspace,
    workspace_folders = { { uri = vim.uri_from_fname(workspace), name = 'workspace' } },
    handlers = { ['textDocument/publishDiagnostics'] = on_publish },
    on_exit = function(code) if code ~= 0 then M.log('server exited with ' .. code) end end,
  })
  M.check(client_id ~= nil, 'client started')
  vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/' .. file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  return client_id, bufnr, vim.uri_from_bufnr(bufnr)
end

return M
