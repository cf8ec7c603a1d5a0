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

return M
